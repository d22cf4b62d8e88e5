import asyncio
import concurrent.futures
import time


def func1():
    time.sleep(2)    # 某个耗时操作
    return "SB"


async def main():
    loop = asyncio.get_running_loop()

    # 1. 默认的线程池（ThreadPoolExecutor）
    result = await loop.run_in_executor(None, func1)
    print('default thread pool', result)

    # 2. 自定义线程池
    with concurrent.futures.ThreadPoolExecutor() as pool:
        result = await loop.run_in_executor(pool, func1)
        print('custom thread pool', result)

    # 3. 自定义进程池
    with concurrent.futures.ProcessPoolExecutor() as pool:
        result = await loop.run_in_executor(pool, func1)
        print('custom process pool', result)


asyncio.run(main())
