import asyncio


async def job(i, sem):
    async with sem:                   # 最多 2 个任务同时进入
        print("开始", i)
        await asyncio.sleep(1)
        print("结束", i)


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(i, sem) for i in range(1, 6)))


asyncio.run(main())                   # 5 个 1 秒的任务，每次 2 个：共 3 秒
