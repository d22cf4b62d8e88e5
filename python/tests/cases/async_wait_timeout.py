# feature: asyncio.wait with timeout returns without cancelling the pending tasks
import asyncio

async def job(d):
    await asyncio.sleep(d)
    print("job", d, "finished")
    return d

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.1, 0.5, 0.2)]
    done, pending = await asyncio.wait(tasks, timeout=0.25)
    print("after wait:", len(done), "done,", len(pending), "pending")
    print(sorted(t.result() for t in done), [t.done() for t in tasks])
    await asyncio.sleep(0.5)
    print([t.done() for t in tasks])

asyncio.run(main())
