import asyncio

import aiohttp
import httpx

BASE = "http://localhost:8080/"                # this app's own address
URL = BASE + "samples/pages/hello.html"        # the course asks http://baidu.com


async def aiohttp_demo():
    print("start: aiohttp")
    async with aiohttp.ClientSession() as session:
        async with session.get(URL) as response:
            print("Status:", response.status)
            print("Content-type:", response.headers['content-type'])
            html = await response.text()
            print("Body:", html[:15], "...")


async def httpx_demo():
    print("start: httpx")
    async with httpx.AsyncClient() as client:
        resp = await client.get(URL)           # returns once the whole body is in
    print("status-code:", resp.status_code)
    print(resp.text)                           # this page is one short line


async def main():
    tasks = [                                  # since 3.11, wait takes tasks, not coroutines
        asyncio.create_task(aiohttp_demo()),
        asyncio.create_task(httpx_demo()),
    ]
    done, pending = await asyncio.wait(tasks)
    for task in done:
        task.result()                          # a failed request raises here, not lost


asyncio.run(main())
