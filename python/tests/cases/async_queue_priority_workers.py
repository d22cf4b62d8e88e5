# feature: PriorityQueue with workers, task_done/join, a bounded queue's put waiting, heap order of equal priorities, QueueEmpty/QueueFull
import asyncio

async def worker(name, q):
    while True:
        prio, job = await q.get()
        print(name, "got", prio, job)
        await asyncio.sleep(0.1 * prio)
        q.task_done()

async def producer(q):
    for prio, job in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (5, "e"), (4, "d")]:
        await q.put((prio, job))
        print("put", prio, job, "size", q.qsize())

async def main():
    q = asyncio.PriorityQueue(maxsize=3)
    print(q.maxsize, q.empty(), q.full())
    prod = asyncio.create_task(producer(q))
    await asyncio.sleep(0.05)
    print("full:", q.full())
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await prod
    await q.join()
    print("all done")
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)

    heap = asyncio.PriorityQueue()
    for item in [5, 1, 4, 1, 3, 9, 2, 6]:
        heap.put_nowait(item)
    print([heap.get_nowait() for _ in range(heap.qsize())])
    try:
        heap.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e), isinstance(e, Exception))
    small = asyncio.PriorityQueue(1)
    small.put_nowait((1, "x"))
    try:
        small.put_nowait((0, "y"))
    except asyncio.QueueFull:
        print("QueueFull", small.qsize())
    mixed = asyncio.PriorityQueue()
    mixed.put_nowait((1, {"a": 1}))
    try:
        mixed.put_nowait((1, {"b": 2}))
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
