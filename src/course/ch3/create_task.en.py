import asyncio


async def f1():
    print(1)
    await asyncio.sleep(2)
    print(2)


async def f2():
    print(3)
    await asyncio.sleep(2)
    print(4)


async def main():
    print("main start")
    task1 = asyncio.create_task(f1())    # 包成 task，立刻排进事件循环
    task2 = asyncio.create_task(f2())
    await task1    # main 在这里挂起，task1 和 task2 轮流执行
    await task2    # task2 早已和 task1 一起睡完
    print("main end")


asyncio.run(main())    # main start 1 3，两秒后 2 4 main end
