# feature: sleep(0) steps run before timers that are due; ordering of ready callbacks vs timers
import asyncio

async def spinner():
    for i in range(3):
        print("spin", i)
        await asyncio.sleep(0)

async def timed():
    await asyncio.sleep(0)
    print("timed sleeping 0.001")
    await asyncio.sleep(0.001)
    print("timed woke")

async def main():
    await asyncio.gather(spinner(), timed())

asyncio.run(main())
