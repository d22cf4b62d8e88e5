# feature: Queue.task_done called too many times raises ValueError
import asyncio

async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    await q.get()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    print(q.qsize(), q.empty(), q.maxsize)

asyncio.run(main())
