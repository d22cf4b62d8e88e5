# feature: asyncio.run returns the coroutine's value; a coroutine calling another
import asyncio

async def add(a, b):
    await asyncio.sleep(0.1)
    return a + b

async def main():
    print("main starts")
    x = await add(1, 2)
    y = await add(x, 10)
    print("results", x, y)
    return y * 2

result = asyncio.run(main())
print("asyncio.run returned", result)
