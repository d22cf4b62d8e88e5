import asyncio

import aiohttp
import httpx

BASE = "http://localhost:8080/"                # 本应用自己的地址
URL = BASE + "samples/pages/hello.html"        # 课文里请求的是 http://baidu.com


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
        resp = await client.get(URL)           # 整个响应体读完才返回
    print("status-code:", resp.status_code)
    print(resp.text)                           # 这个页面只有短短一行


async def main():
    tasks = [                                  # 3.11 起 wait 只接受任务，不接受协程
        asyncio.create_task(aiohttp_demo()),
        asyncio.create_task(httpx_demo()),
    ]
    done, pending = await asyncio.wait(tasks)
    for task in done:
        task.result()                          # 请求失败时在这里抛出，而不是悄悄丢失


asyncio.run(main())
