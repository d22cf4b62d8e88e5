# feature: gather wraps coroutines in tasks named in order; sleep results inside them
import asyncio

async def who():
    await asyncio.sleep(0.01)
    return asyncio.current_task().get_name()

async def main():
    names = await asyncio.gather(who(), who(), who())
    print(names)
    t = asyncio.ensure_future(who())
    print(await t)

asyncio.run(main())
