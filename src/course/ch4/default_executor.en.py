import asyncio
import time


def func1():
    time.sleep(2)    # something that takes a while
    return "SB"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, func1)    # None: the default thread pool; an asyncio Future
    result = await fut                         # until func1 returns on its thread
    print("default thread pool", result)


asyncio.run(main())
