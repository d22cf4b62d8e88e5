# feature: a failing task whose exception is retrieved with exception() logs nothing
import asyncio

async def boom():
    raise KeyError("quiet")

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    print(repr(t.exception()))
    del t
    await asyncio.sleep(0.1)
    print("no log")

asyncio.run(main())
