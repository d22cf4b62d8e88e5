# feature: InvalidStateError texts: result before done, setting a result twice
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
    task = asyncio.create_task(asyncio.sleep(0.1))
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
    try:
        task.exception()
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
    await task
    print(task.result())

asyncio.run(main())
