# feature: async generators with await and yield, async for, anext()
import asyncio

async def countdown(n):
    while n > 0:
        await asyncio.sleep(0.1)
        yield n
        n -= 1

async def main():
    async for v in countdown(3):
        print("got", v)
    gen = countdown(2)
    print(await anext(gen), await anext(gen), await anext(gen, "end"))

asyncio.run(main())
