import asyncio
import concurrent.futures
import time


def func1():
    time.sleep(2)    # a long blocking operation
    return "SB"


async def main():
    loop = asyncio.get_running_loop()

    # 1. The default thread pool (ThreadPoolExecutor)
    result = await loop.run_in_executor(None, func1)
    print('default thread pool', result)

    # 2. A thread pool of our own
    with concurrent.futures.ThreadPoolExecutor() as pool:
        result = await loop.run_in_executor(pool, func1)
        print('custom thread pool', result)

    # 3. A process pool of our own
    with concurrent.futures.ProcessPoolExecutor() as pool:
        result = await loop.run_in_executor(pool, func1)
        print('custom process pool', result)


asyncio.run(main())
