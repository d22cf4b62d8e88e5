# feature: asyncio.wait(FIRST_COMPLETED): done/pending sets (printed as sorted names)
import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(job(d), name=f"job{d}") for d in (0.3, 0.1, 0.2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    await asyncio.wait(pending)
    print([t.result() for t in tasks])

asyncio.run(main())
