import asyncio
import time


def func1():
    time.sleep(2)    # 某个耗时操作
    return "SB"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, func1)    # None：默认的线程池；返回 asyncio 的 Future
    result = await fut                         # 等线程里的 func1 返回
    print("default thread pool", result)


asyncio.run(main())
