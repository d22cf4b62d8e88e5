# feature: awaiting coroutines one by one vs running them concurrently with gather (timings)
import asyncio

async def job(name, delay):
    print(name, "start")
    await asyncio.sleep(delay)
    print(name, "end")
    return name

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await job("a", 0.3)
    await job("b", 0.2)
    print("sequential took", round(loop.time() - t0, 3))
    t0 = loop.time()
    await asyncio.gather(job("c", 0.3), job("d", 0.2))
    print("concurrent took", round(loop.time() - t0, 3))

asyncio.run(main())
