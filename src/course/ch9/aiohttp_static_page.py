import asyncio

import aiohttp
from aiohttp import web


async def handle(request):
    try:
        with open('index.html', 'r') as file:
            content = file.read()
        return web.Response(text=content, content_type='text/html')
    except FileNotFoundError:
        return web.Response(text="Page not found", status=404)


app = web.Application()
app.router.add_get('/', handle)

URL = "http://127.0.0.1:5000"


async def main():
    runner = web.AppRunner(app)                        # web.run_app(app) 做的前两步
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port=5000).start()
    async with aiohttp.ClientSession() as session:
        for path in ["/", "/about"]:
            async with session.get(URL + path) as resp:
                page = await resp.text()
                print(path, resp.status, resp.headers["Content-Type"], len(page))
                print(page.splitlines()[4] if resp.status == 200 else page)
    await asyncio.Event().wait()                       # 一直服务下去，直到按下停止


asyncio.run(main())
