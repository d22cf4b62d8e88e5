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
    res1 = await f1()    # 直接 await 协程：f1 返回后才往下走
    print(res1)
    res2 = await f2()    # 事件循环里只有 main 一个任务，没有别人可切
    print(res2)
    print("main end")


asyncio.run(main())    # 一共约 4 秒
