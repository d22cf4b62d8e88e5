# feature: task.add_done_callback runs after the task finishes; remove_done_callback
import asyncio

def on_done(task):
    print("callback:", task.get_name(), "result", task.result())

def never(task):
    print("never called")

async def job(n):
    await asyncio.sleep(0.1 * n)
    return n * n

async def main():
    t1 = asyncio.create_task(job(1))
    t2 = asyncio.create_task(job(2))
    t1.add_done_callback(on_done)
    t2.add_done_callback(on_done)
    t2.add_done_callback(never)
    print("removed", t2.remove_done_callback(never))
    await asyncio.gather(t1, t2)
    await asyncio.sleep(0)
    print("main done")

asyncio.run(main())
