# feature: spacing requests with sleeps and a semaphore; timestamps from loop.time
import asyncio

async def request(i, sem, start, loop):
    async with sem:
        print(f"request {i} at {loop.time() - start:.2f}")
        await asyncio.sleep(0.1)

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    sem = asyncio.Semaphore(3)
    await asyncio.gather(*(request(i, sem, start, loop) for i in range(7)))

asyncio.run(main())
