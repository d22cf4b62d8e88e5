import asyncio

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def homepage(request: Request):
    print("url:", request.url)
    print("base_url:", request.base_url)
    return JSONResponse({'hello': 'world'})


app = Starlette(debug=True, routes=[
    Route('/', homepage),
])


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        resp = await client.get("http://127.0.0.1:5000/?name=ada")
        print(resp.status_code, resp.json())          # 处理函数的两行打印在请求的任务里
    await serving                                     # 一直服务下去，直到按下停止


asyncio.run(main())
