# feature: loop.time() measures virtual elapsed time across sleeps and tasks
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0.25)
    t1 = loop.time()
    await asyncio.gather(asyncio.sleep(0.5), asyncio.sleep(0.3))
    t2 = loop.time()
    print(round(t1 - t0, 6), round(t2 - t1, 6), round(t2 - t0, 6))
    print(t0, t1, t2)

asyncio.run(main())
