# feature: LifoQueue: a bounded stack shared by tasks, get waiting while empty, put waiting while full
import asyncio

async def pusher(q):
    for i in range(5):
        await q.put(i)
        print("pushed", i, "size", q.qsize())
        await asyncio.sleep(0.05)

async def popper(q):
    for _ in range(5):
        await asyncio.sleep(0.12)
        item = await q.get()
        print("popped", item)
        q.task_done()

async def main():
    q = asyncio.LifoQueue(2)
    print(q.maxsize, q.empty())
    await asyncio.gather(pusher(q), popper(q))
    await q.join()
    late = asyncio.LifoQueue()
    getter = asyncio.create_task(late.get())
    await asyncio.sleep(0.1)
    late.put_nowait("a")
    late.put_nowait("b")
    print("getter got", await getter, "left", late.get_nowait())
    try:
        late.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    try:
        late.task_done()
        late.task_done()
        late.task_done()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
