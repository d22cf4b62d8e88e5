# feature: loop.call_at with absolute loop times, loop.time() arithmetic
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for offset in (0.4, 0.2, 0.6):
        loop.call_at(start + offset, lambda o=offset: print("call_at fired", o, round(loop.time() - start, 3)))
    await asyncio.sleep(0.7)
    print("total", round(loop.time() - start, 3))

asyncio.run(main())
