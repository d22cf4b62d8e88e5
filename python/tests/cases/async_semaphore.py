# feature: asyncio.Semaphore limits concurrency to 2 (timings show batches)
import asyncio

async def download(i, sem):
    async with sem:
        print("start", i)
        await asyncio.sleep(0.2)
        print("end", i)

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(i, sem) for i in range(5)))
    print("locked?", sem.locked())

asyncio.run(main())
