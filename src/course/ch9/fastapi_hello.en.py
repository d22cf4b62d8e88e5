import asyncio
from typing import Optional

import httpx
import uvicorn
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def read_root():
    return {"Hello": "World"}


@app.get("/items/{item_id}")
async def read_item(item_id: int, q: Optional[str] = None):
    return {"item_id": item_id, "q": q}


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        for path in ["/", "/items/5?q=somequery", "/items/5", "/items/foo"]:
            resp = await client.get("http://127.0.0.1:5000" + path)
            print(path, resp.status_code, resp.json())    # item_id not an integer: 422, saying what is wrong
    await serving                                          # serves on until Stop


asyncio.run(main())
