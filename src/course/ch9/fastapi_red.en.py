import asyncio
import time

import httpx
import uvicorn
from fastapi import FastAPI

app = FastAPI()


@app.get("/red")
async def red():
    """ an endpoint that awaits """
    print("request came in")
    await asyncio.sleep(3)         # the course awaits Redis here: the loop serves others meanwhile
    result = {'key1': '1', 'key2': '2', 'key3': '3'}
    print(result)
    return result


@app.get("/block")
async def block():
    """ an endpoint that blocks """
    print("request came in")
    time.sleep(3)                  # a synchronous wait: the whole loop stops
    result = {'key1': '1', 'key2': '2', 'key3': '3'}
    print(result)
    return result


URL = "http://127.0.0.1:5000"


async def ask(path, n):
    start = time.perf_counter()
    async with httpx.AsyncClient(timeout=30) as client:   # fresh connections per group; the blocked server takes 9 s
        await asyncio.gather(*(client.get(URL + path) for _ in range(n)))
    print(f"{n} requests to {path} took about {round(time.perf_counter() - start)} s")


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    await ask("/red", 3)
    await ask("/block", 3)
    await serving                  # serves on until Stop


asyncio.run(main())
