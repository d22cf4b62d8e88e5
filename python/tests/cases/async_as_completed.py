# feature: as_completed yields awaitables in completion order
import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    coros = [job("a", 0.3), job("b", 0.1), job("c", 0.2), job("d", 0.1)]
    for fut in asyncio.as_completed(coros):
        name = await fut
        print("completed", name)

asyncio.run(main())
