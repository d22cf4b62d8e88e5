# feature: several consumers share a queue; FIFO fairness between waiting getters
import asyncio

async def consumer(name, q, results):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            return
        results.append((name, item))
        print(name, "handles", item)
        await asyncio.sleep(0.05 * item)
        q.task_done()

async def main():
    q = asyncio.Queue()
    results = []
    consumers = [asyncio.create_task(consumer(f"c{i}", q, results)) for i in range(3)]
    for item in [3, 1, 2, 1, 1]:
        await q.put(item)
    await q.join()
    for _ in consumers:
        await q.put(None)
    await asyncio.gather(*consumers)
    print(results)

asyncio.run(main())
