# feature: a bounded Queue: put blocks while full, full()/qsize(), put_nowait raising QueueFull
import asyncio

async def producer(q):
    for i in range(5):
        await q.put(i)
        print("put", i, "size", q.qsize())

async def main():
    q = asyncio.Queue(maxsize=2)
    p = asyncio.create_task(producer(q))
    await asyncio.sleep(0.1)
    print("full?", q.full())
    try:
        q.put_nowait(99)
    except asyncio.QueueFull:
        print("QueueFull")
    while not (p.done() and q.empty()):
        await asyncio.sleep(0.1)
        print("get", q.get_nowait())

asyncio.run(main())
