import asyncio

import httpx
import uvicorn
from starlette.responses import FileResponse


async def app(scope, receive, send):
    assert scope['type'] == 'http'
    response = FileResponse('index.html')         # 课文里是 FileResponse('main.py')：程序自己的源文件
    await response(scope, receive, send)


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        resp = await client.get("http://127.0.0.1:5000/")
        print(resp.status_code, resp.headers["content-type"], resp.headers["content-length"])
        print(resp.text.splitlines()[4])
    await serving                                     # 一直服务下去，直到按下停止


asyncio.run(main())
