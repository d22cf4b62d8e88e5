import asyncio

import httpx
import uvicorn
from starlette.responses import FileResponse


async def app(scope, receive, send):
    assert scope['type'] == 'http'
    response = FileResponse('index.html')         # the text serves FileResponse('main.py'): the program's own source
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
    await serving                                     # serves on until Stop


asyncio.run(main())
