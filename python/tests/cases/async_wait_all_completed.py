# feature: asyncio.wait with ALL_COMPLETED (the default) waits for every task
import asyncio

async def job(n):
    await asyncio.sleep(0.1 * (4 - n))
    print("job", n, "done")
    if n == 2:
        raise ValueError("two")
    return n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in range(1, 4)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print(len(done), len(pending))
    for t in tasks:
        if t.exception():
            print(t.get_name(), "raised", repr(t.exception()))
        else:
            print(t.get_name(), "returned", t.result())

asyncio.run(main())
