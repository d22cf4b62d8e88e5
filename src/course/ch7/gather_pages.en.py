import asyncio

import aiohttp

URLS = [
    "samples/pages/event-loop.html",
    "samples/pages/tasks.html",
    "samples/pages/futures.html",
]
BASE = "http://localhost:8080/"


async def fetch(session, url):
    async with session.get(BASE + url) as response:
        return await response.text()


async def main():
    async with aiohttp.ClientSession() as session:
        htmls = await asyncio.gather(*(fetch(session, url) for url in URLS))
        for html in htmls:
            print(html[:100])          # in the order of URLS, whoever finished first


asyncio.run(main())
