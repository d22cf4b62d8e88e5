# feature: tasks sleeping the same amount wake in the order they went to sleep
import asyncio

async def sleeper(i):
    await asyncio.sleep(0.1)
    print("woke", i)
    await asyncio.sleep(0.1)
    print("woke again", i)

async def main():
    await asyncio.gather(*(sleeper(i) for i in range(6)))

asyncio.run(main())
