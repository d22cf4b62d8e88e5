# feature: type(x).__name__ of asyncio's objects, and type(a) is type(b) for two of a kind
import asyncio

async def main():
    objs = [asyncio.Lock(), asyncio.Event(), asyncio.Queue(), asyncio.Semaphore(2), asyncio.Condition()]
    print([type(o).__name__ for o in objs])
    print(type(asyncio.Lock()) is type(asyncio.Lock()), type(asyncio.Lock()) is type(asyncio.Event()))
    t = asyncio.create_task(asyncio.sleep(0))
    print(type(t).__name__)
    await t

asyncio.run(main())
