# feature: asyncio.Queue producer/consumer with a sentinel, timings of puts and gets
import asyncio

async def producer(q):
    for i in range(4):
        await asyncio.sleep(0.1)
        await q.put(i)
        print("put", i)
    await q.put(None)

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            break
        print("got", item)
        await asyncio.sleep(0.15)
    print("consumer done")

async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
