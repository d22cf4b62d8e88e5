# feature: uncaught exception from a gathered coroutine: traceback through main and the task
import asyncio

async def step(n):
    await asyncio.sleep(0.1)
    if n == 2:
        raise KeyError(f"step{n}")
    return n

async def main():
    results = await asyncio.gather(step(1), step(2))
    print(results)

asyncio.run(main())
