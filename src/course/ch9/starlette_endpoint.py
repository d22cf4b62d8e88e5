import asyncio

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.endpoints import HTTPEndpoint
from starlette.responses import PlainTextResponse
from starlette.routing import Route


class Homepage(HTTPEndpoint):
    async def get(self, request):
        return PlainTextResponse(str(request.base_url))   # 课文直接传 URL 对象；Response 要的是 str


class User(HTTPEndpoint):
    async def get(self, request):
        username = request.path_params['username']
        return PlainTextResponse(f"GET: {username}")

    async def post(self, request):
        username = request.path_params['username']
        return PlainTextResponse(f"POST: {username}")


routes = [
    Route("/", Homepage),                                # 传的是 Endpoint 类本身
    Route("/{username}", User),
]

app = Starlette(routes=routes)

URL = "http://127.0.0.1:5000"


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    asks = [("GET", "/"), ("GET", "/Ada"), ("POST", "/Ada"), ("DELETE", "/Ada")]
    async with httpx.AsyncClient() as client:
        for method, path in asks:                        # 没有对应方法时：405 Method Not Allowed
            resp = await client.request(method, URL + path)
            print(method, path, "->", resp.status_code, resp.text)
    await serving                                        # 一直服务下去，直到按下停止


asyncio.run(main())
