import asyncio
import time


async def f1():
    print(1)
    await asyncio.sleep(2)
    print(2)


async def f2():
    print(3)
    await asyncio.sleep(2)
    print(4)


async def main():
    start = time.time()
    await f1()    # wrong: one finishes before the next starts, no different from sync code
    await f2()
    print("sequential:", round(time.time() - start), "s")

    start = time.time()
    await asyncio.gather(f1(), f2())    # both sleep at the same time
    print("gather:", round(time.time() - start), "s")


asyncio.run(main())
