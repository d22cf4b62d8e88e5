# feature: time.sleep inside a coroutine blocks the whole loop (other tasks are delayed)
import asyncio
import time

async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0.1)

async def blocker():
    await asyncio.sleep(0.05)
    print("blocking for 0.3s")
    time.sleep(0.3)
    print("unblocked")

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
