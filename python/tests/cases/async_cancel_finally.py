# feature: finally blocks and async cleanup run when a task is cancelled
import asyncio

async def worker():
    try:
        print("working")
        await asyncio.sleep(5)
    finally:
        print("cleanup starts")
        await asyncio.sleep(0.1)
        print("cleanup finished")

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.2)
    t.cancel()
    print("cancel requested")
    try:
        await t
    except asyncio.CancelledError:
        print("worker cancelled", t.cancelled())

asyncio.run(main())
