# feature: cancelling a task that awaits another task cancels the inner one too
import asyncio

async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise

async def outer():
    t = asyncio.create_task(inner())
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancelled, inner cancelled?", t.cancelled())
        raise

async def main():
    o = asyncio.create_task(outer())
    await asyncio.sleep(0.2)
    o.cancel()
    await asyncio.gather(o, return_exceptions=True)
    print("outer cancelled?", o.cancelled())

asyncio.run(main())
