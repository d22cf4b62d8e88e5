# feature: create_task schedules a coroutine; it starts only when the creator yields
import asyncio

async def worker(n):
    print("worker", n, "started")
    await asyncio.sleep(0.1 * n)
    print("worker", n, "finished")
    return n * 10

async def main():
    t1 = asyncio.create_task(worker(1))
    t2 = asyncio.create_task(worker(2))
    print("tasks created, done?", t1.done(), t2.done())
    await asyncio.sleep(0)
    print("after sleep(0)")
    r2 = await t2
    print("t1 done?", t1.done(), "results", t1.result(), r2)

asyncio.run(main())
