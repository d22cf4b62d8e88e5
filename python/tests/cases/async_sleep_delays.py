# feature: asyncio.sleep with different delays; sequential awaits add up
import asyncio

async def main():
    for delay in [0.1, 0.25, 0.05, 1, 0]:
        await asyncio.sleep(delay)
        print("slept", delay)
    v = await asyncio.sleep(0.2, result="done")
    print(v)

asyncio.run(main())
