# feature: gather of gathers, gather with tasks and coroutines mixed
import asyncio

async def leaf(x):
    await asyncio.sleep(x / 10)
    return x

async def branch(*xs):
    return sum(await asyncio.gather(*(leaf(x) for x in xs)))

async def main():
    t = asyncio.create_task(leaf(5))
    results = await asyncio.gather(branch(1, 2), branch(3), t, leaf(0))
    print(results)

asyncio.run(main())
