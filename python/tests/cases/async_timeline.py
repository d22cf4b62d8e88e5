# feature: several tasks with different periods printing a merged timeline
import asyncio

async def periodic(name, period, count):
    for i in range(count):
        await asyncio.sleep(period)
        print(f"{name} #{i}")

async def main():
    await asyncio.gather(periodic("fast", 0.1, 5), periodic("slow", 0.25, 2), periodic("mid", 0.15, 3))

asyncio.run(main())
