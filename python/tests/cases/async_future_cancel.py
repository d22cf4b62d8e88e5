# feature: cancelling a Future: cancelled(), CancelledError on await, cancel() return values
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.2, fut.cancel)
    try:
        await fut
    except asyncio.CancelledError:
        print("future was cancelled", fut.cancelled(), fut.done())
    print(fut.cancel())
    f2 = loop.create_future()
    f2.set_result(1)
    print(f2.cancel(), f2.cancelled())

asyncio.run(main())
