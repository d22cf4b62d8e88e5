# feature: the first exception of gather propagates to the awaiter; other tasks keep running
import asyncio

async def ok(n):
    await asyncio.sleep(0.1 * n)
    print("ok", n, "finished")
    return n

async def fail():
    await asyncio.sleep(0.15)
    raise RuntimeError("task failed")

async def main():
    try:
        await asyncio.gather(ok(1), fail(), ok(3))
    except RuntimeError as e:
        print("caught", repr(e))
    print("main continues")
    await asyncio.sleep(0.3)
    print("main done")

asyncio.run(main())
