# feature: asyncio.wait(FIRST_EXCEPTION) returns as soon as a task raises
import asyncio

async def job(d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(f"failed after {d}")
    return d

async def main():
    tasks = [asyncio.create_task(job(0.1)), asyncio.create_task(job(0.2, fail=True)), asyncio.create_task(job(0.4))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    print([repr(t.exception()) for t in tasks if t in done])
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)
    print([t.cancelled() for t in tasks])

asyncio.run(main())
