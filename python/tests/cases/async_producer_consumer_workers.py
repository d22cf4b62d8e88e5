# feature: a pipeline of two queues with stage workers, finished with join and cancel
import asyncio

async def stage1(inq, outq):
    while True:
        x = await inq.get()
        await asyncio.sleep(0.1)
        await outq.put(x * 10)
        print("stage1", x)
        inq.task_done()

async def stage2(q, results):
    while True:
        x = await q.get()
        await asyncio.sleep(0.05)
        results.append(x + 1)
        print("stage2", x)
        q.task_done()

async def main():
    q1, q2 = asyncio.Queue(), asyncio.Queue()
    results = []
    workers = [asyncio.create_task(stage1(q1, q2)), asyncio.create_task(stage2(q2, results))]
    for i in range(3):
        q1.put_nowait(i)
    await q1.join()
    await q2.join()
    for w in workers:
        w.cancel()
    print(results)

asyncio.run(main())
