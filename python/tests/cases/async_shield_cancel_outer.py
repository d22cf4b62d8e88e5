# feature: cancelling a task that awaits shield(...) cancels only the outer task
import asyncio

async def inner_work():
    await asyncio.sleep(0.2)
    print("inner done")
    return 1

async def outer(inner):
    try:
        await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("outer cancelled")
        raise

async def main():
    inner = asyncio.create_task(inner_work())
    o = asyncio.create_task(outer(inner))
    await asyncio.sleep(0.1)
    o.cancel()
    await asyncio.sleep(0.2)
    print(o.cancelled(), inner.cancelled(), inner.result())

asyncio.run(main())
