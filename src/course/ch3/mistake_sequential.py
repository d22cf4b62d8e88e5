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
    await f1()    # 错误用法：一个等完再等下一个，和同步代码没区别
    await f2()
    print("顺序执行：约", round(time.time() - start), "秒")

    start = time.time()
    await asyncio.gather(f1(), f2())    # 两个同时睡
    print("gather：约", round(time.time() - start), "秒")


asyncio.run(main())
