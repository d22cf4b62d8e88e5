import asyncio


async def job(i, sem):
    async with sem:                   # at most 2 tasks inside at once
        print("start", i)
        await asyncio.sleep(1)
        print("end", i)


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(i, sem) for i in range(1, 6)))


asyncio.run(main())                   # 5 one-second jobs, 2 at a time: 3 s
