# feature: uncaught exception raised inside an async generator consumed by async for
import asyncio

async def readings():
    for v in [1, 2, -1]:
        await asyncio.sleep(0.1)
        if v < 0:
            raise ValueError(f"bad reading {v}")
        yield v

async def main():
    async for r in readings():
        print("reading", r)

asyncio.run(main())
