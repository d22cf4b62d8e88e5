# feature: loop.create_future, set_result from another task, awaiting a Future, done/result
import asyncio

async def resolver(fut, delay):
    await asyncio.sleep(delay)
    print("setting result")
    fut.set_result(42)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done?", fut.done())
    asyncio.create_task(resolver(fut, 0.2))
    value = await fut
    print("got", value, fut.done(), fut.result())
    print(await fut)

asyncio.run(main())
