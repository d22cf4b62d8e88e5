# feature: async comprehensions (list/set/dict) over async generators, await inside comprehensions
import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.01)
        yield i

async def double(x):
    await asyncio.sleep(0.01)
    return x * 2

async def main():
    print([x async for x in numbers(5)])
    print([x async for x in numbers(6) if x % 2 == 0])
    print({x % 3 async for x in numbers(7)})
    print({x: x * x async for x in numbers(3)})
    print([await double(x) for x in range(3)])

asyncio.run(main())
