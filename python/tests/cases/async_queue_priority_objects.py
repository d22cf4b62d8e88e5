# feature: PriorityQueue of objects ordered by their own __lt__, a bounded queue whose waiting put and get compare them, a __lt__ that raises
import asyncio

class Job:
    def __init__(self, prio, name):
        self.prio = prio
        self.name = name

    def __lt__(self, other):
        if self.prio is None or other.prio is None:
            raise ValueError(f"cannot rank {self.name} against {other.name}")
        return self.prio < other.prio

    def __repr__(self):
        return f"Job({self.prio}, {self.name!r})"

async def producer(q):
    for prio, name in [(3, "low"), (1, "urgent"), (2, "normal"), (0, "now")]:
        await q.put(Job(prio, name))
        print("queued", name, q.qsize())

async def consumer(q):
    await asyncio.sleep(0.1)
    for _ in range(4):
        job = await q.get()
        print("running", job)
        await asyncio.sleep(0.1)

async def main():
    q = asyncio.PriorityQueue(2)
    await asyncio.gather(producer(q), consumer(q))
    q.put_nowait(Job(1, "a"))
    try:
        q.put_nowait(Job(None, "broken"))
    except ValueError as e:
        print("ValueError:", e, q.qsize())
    late = asyncio.PriorityQueue()
    getter = asyncio.create_task(late.get())
    await asyncio.sleep(0.1)
    late.put_nowait(Job(5, "only"))
    print(await getter)

asyncio.run(main())
