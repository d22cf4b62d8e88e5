# feature: Queue.join waits until task_done was called for every item; workers cancelled after
import asyncio

async def worker(name, q):
    while True:
        job = await q.get()
        await asyncio.sleep(job)
        print(name, "did", job)
        q.task_done()

async def main():
    q = asyncio.Queue()
    for j in [0.3, 0.1, 0.2, 0.1]:
        q.put_nowait(j)
    w1 = asyncio.create_task(worker("w1", q))
    w2 = asyncio.create_task(worker("w2", q))
    await q.join()
    print("all jobs done, qsize", q.qsize())
    w1.cancel()
    w2.cancel()
    await asyncio.sleep(0)
    print(w1.cancelled(), w2.cancelled())

asyncio.run(main())
