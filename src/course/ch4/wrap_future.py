import asyncio
import concurrent.futures
import time


def func1():
    time.sleep(2)    # 某个耗时操作
    return "SB"


async def main():
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    cf = pool.submit(func1)          # concurrent.futures.Future：不支持 await
    print(type(cf), cf)
    fut = asyncio.wrap_future(cf)    # 包装成 asyncio.Future，才能 await
    print(type(fut))
    result = await fut
    print(result, cf)
    pool.shutdown()


asyncio.run(main())
