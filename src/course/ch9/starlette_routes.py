import asyncio

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


def homepage(request):
    return PlainTextResponse("Homepage")


async def about(request):
    username = request.path_params['username']
    return PlainTextResponse(username)


routes = [
    Route("/", endpoint=homepage),
    Route("/about/{username:str}", endpoint=about),   # 冒号后面不能有空格
]

app = Starlette(routes=routes)

URL = "http://127.0.0.1:5000"


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    asks = [("GET", "/"), ("GET", "/about/John"), ("GET", "/about/"), ("POST", "/")]
    async with httpx.AsyncClient() as client:
        for method, path in asks:                     # 按顺序匹配路由，第一个匹配的处理请求
            resp = await client.request(method, URL + path)
            print(method, path, "->", resp.status_code, resp.text)
    await serving                                     # 一直服务下去，直到按下停止


asyncio.run(main())
