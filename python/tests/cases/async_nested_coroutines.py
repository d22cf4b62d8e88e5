# feature: deeply nested awaits of coroutines, return values flowing back up
import asyncio

async def level3(x):
    await asyncio.sleep(0.1)
    return x + 1

async def level2(x):
    print("level2 got", x)
    return await level3(x) * 2

async def level1(x):
    a = await level2(x)
    b = await level2(a)
    return a, b

async def main():
    print(await level1(1))

asyncio.run(main())
