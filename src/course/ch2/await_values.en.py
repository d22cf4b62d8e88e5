import asyncio


async def f1():
    print(1)
    await asyncio.sleep(2)
    print(2)
    return 123


async def f2():
    print(3)
    await asyncio.sleep(2)
    print(4)
    return 456


async def main():
    print("main start")
    res1 = await f1()    # awaiting a coroutine: go on only once f1 returns
    print(res1)
    res2 = await f2()    # main is the loop's only task: nobody to switch to
    print(res2)
    print("main end")


asyncio.run(main())    # about 4 s in all
