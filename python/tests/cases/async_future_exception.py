# feature: Future.set_exception: awaiting re-raises, exception() returns it
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.1, fut.set_exception, ValueError("future failed"))
    try:
        await fut
    except ValueError as e:
        print("awaited:", repr(e))
    print("exception():", repr(fut.exception()), fut.done())
    try:
        fut.result()
    except ValueError as e:
        print("result():", e)

asyncio.run(main())
