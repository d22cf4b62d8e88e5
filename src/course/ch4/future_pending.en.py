import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()    # a future whose result nobody will set
    print("waiting for the future...")
    await fut                     # waits forever: only Stop ends it
    print("never printed")


asyncio.run(main())
