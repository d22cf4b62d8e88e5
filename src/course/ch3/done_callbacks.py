import asyncio
from functools import partial


async def f1():
    print(1)
    await asyncio.sleep(2)
    print(2)
    return "f1"


def callback1(future):
    print("结束了:", future.result())


def callback2(extra, future):    # future 总是最后一个参数
    print("结束了:", extra, future.result())


async def main():
    task1 = asyncio.create_task(f1())
    task1.add_done_callback(callback1)
    task1.add_done_callback(partial(callback2, 1111))    # 用 partial 绑定额外参数
    await asyncio.gather(task1)


asyncio.run(main())
