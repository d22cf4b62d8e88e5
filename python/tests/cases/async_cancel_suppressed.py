# feature: a task that catches CancelledError and returns normally is not cancelled
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("ignoring the cancellation")
    await asyncio.sleep(0.1)
    return "finished anyway"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    t.cancel()
    print(await t, t.cancelled())

asyncio.run(main())
