# feature: asyncio.sleep(0) yields to other ready tasks, interleaving their steps
import asyncio

async def worker(name, steps):
    for i in range(steps):
        print(name, i)
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(worker("a", 3), worker("b", 2), worker("c", 3))
    print("done")

asyncio.run(main())
