import asyncio
import concurrent.futures
import time


def func1():
    time.sleep(2)    # a long blocking operation
    return "SB"


async def main():
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    cf = pool.submit(func1)          # a concurrent.futures.Future: it cannot be awaited
    print(type(cf), cf)
    fut = asyncio.wrap_future(cf)    # wrapped in an asyncio.Future, which can
    print(type(fut))
    result = await fut
    print(result, cf)
    pool.shutdown()


asyncio.run(main())
