# feature: asyncio.ensure_future and awaiting tasks created with it, isfuture/iscoroutine checks
import asyncio

async def val(x):
    await asyncio.sleep(0.05)
    return x

async def main():
    coro = val(1)
    print(asyncio.iscoroutine(coro), asyncio.isfuture(coro))
    f = asyncio.ensure_future(coro)
    print(asyncio.isfuture(f), isinstance(f, asyncio.Task), await f)
    same = asyncio.ensure_future(f)
    print(same is f)

asyncio.run(main())
