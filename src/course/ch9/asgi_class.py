import asyncio

import httpx
import uvicorn
from starlette.requests import Request
from starlette.responses import Response


class App:                                             # 基于类的 app：实现 __call__
    async def __call__(self, scope, receive, send):
        assert scope['type'] == 'http'
        request = Request(scope, receive)              # 不用直接操作 scope 和 receive
        content = '%s %s' % (request.method, request.url.path)
        response = Response(content, media_type='text/plain')
        await response(scope, receive, send)


app = App()

URL = "http://127.0.0.1:5000"


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        for method, path in [("GET", "/"), ("POST", "/items?page=2"), ("DELETE", "/items/7")]:
            resp = await client.request(method, URL + path)
            print(resp.status_code, resp.headers['content-type'], resp.text)
    await serving                                      # 一直服务下去，直到按下停止


asyncio.run(main())
