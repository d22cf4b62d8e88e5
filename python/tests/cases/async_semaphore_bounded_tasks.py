# feature: BoundedSemaphore limits concurrent tasks; over-release raises; Semaphore release beyond its value adds a slot
import asyncio

async def job(i, sem, running):
    async with sem:
        running.append(i)
        print("start", i, "running", sorted(running), "locked:", sem.locked())
        await asyncio.sleep(0.1 * (i % 3 + 1))
        running.remove(i)
    print("end", i)

async def main():
    sem = asyncio.BoundedSemaphore(2)
    running = []
    await asyncio.gather(*(job(i, sem, running) for i in range(5)))
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    s = asyncio.Semaphore(0)
    s.release()
    s.release()
    await s.acquire()
    await s.acquire()
    print("two acquired after two releases, locked:", s.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    b = asyncio.BoundedSemaphore(value=1)
    await b.acquire()
    waiter = asyncio.create_task(b.acquire())
    await asyncio.sleep(0.1)
    print("waiter done:", waiter.done())
    b.release()
    await asyncio.sleep(0)
    print("waiter done:", waiter.done(), await waiter)
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
