import asyncio


async def load_config():
    print("loading config")
    await asyncio.sleep(1)
    raise ValueError("config file is missing")


async def main():
    asyncio.create_task(load_config())    # neither kept nor awaited: nobody receives its error
    await asyncio.sleep(2)
    print("main done, nobody saw the error")


asyncio.run(main())    # ends "normally"; the error is only logged on the way out
