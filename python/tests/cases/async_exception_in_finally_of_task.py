# feature: task raising in except while handling: chained traceback for an uncaught task error
import asyncio

async def fetch():
    try:
        await asyncio.sleep(0.1)
        raise ConnectionError("connection reset")
    except ConnectionError:
        raise RuntimeError("fetch failed")

async def main():
    await asyncio.create_task(fetch())

asyncio.run(main())
