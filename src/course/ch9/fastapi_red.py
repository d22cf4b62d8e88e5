import asyncio
import time

import httpx
import uvicorn
from fastapi import FastAPI

app = FastAPI()


@app.get("/red")
async def red():
    """ 异步操作接口 """
    print("请求来了")
    await asyncio.sleep(3)         # 课文在这里等 Redis：等待期间事件循环可以处理别的请求
    result = {'key1': '1', 'key2': '2', 'key3': '3'}
    print(result)
    return result


@app.get("/block")
async def block():
    """ 阻塞的接口 """
    print("请求来了")
    time.sleep(3)                  # 同步的等待：整个事件循环都停下来
    result = {'key1': '1', 'key2': '2', 'key3': '3'}
    print(result)
    return result


URL = "http://127.0.0.1:5000"


async def ask(path, n):
    start = time.perf_counter()
    async with httpx.AsyncClient(timeout=30) as client:   # 每组请求用自己的连接；阻塞的服务器会等 9 秒
        await asyncio.gather(*(client.get(URL + path) for _ in range(n)))
    print(f"{n} 个请求 {path} 用了约 {round(time.perf_counter() - start)} 秒")


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    await ask("/red", 3)
    await ask("/block", 3)
    await serving                  # 一直服务下去，直到按下停止


asyncio.run(main())
