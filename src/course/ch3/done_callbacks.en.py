import asyncio
from functools import partial


async def f1():
    print(1)
    await asyncio.sleep(2)
    print(2)
    return "f1"


def callback1(future):
    print("finished:", future.result())


def callback2(extra, future):    # the future always comes last
    print("finished:", extra, future.result())


async def main():
    task1 = asyncio.create_task(f1())
    task1.add_done_callback(callback1)
    task1.add_done_callback(partial(callback2, 1111))    # partial binds the extra argument
    await asyncio.gather(task1)


asyncio.run(main())
