import asyncio

import aiohttp
from aiohttp import web


async def index(request):
    return web.Response(text="This is the home page")


async def about(request):
    return web.Response(text="This is the about page")


app = web.Application()
app.router.add_get('/', index)
app.router.add_get('/about', about)

URL = "http://127.0.0.1:5000"


async def main():
    runner = web.AppRunner(app)                        # web.run_app(app) 做的前两步：
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port=5000).start()
    async with aiohttp.ClientSession() as session:
        for method, path in [("GET", "/"), ("GET", "/about"), ("GET", "/contact"), ("POST", "/about")]:
            async with session.request(method, URL + path) as resp:
                print(method, path, resp.status, resp.headers["Content-Type"], await resp.text())
    await asyncio.Event().wait()                       # 一直服务下去，直到按下停止


asyncio.run(main())
