# feature: gather with tasks finishing at equal times, results by position, nested lists
import asyncio

async def get(i):
    await asyncio.sleep(0.1 if i % 2 else 0.2)
    print("got", i)
    return [i] * i

async def main():
    res = await asyncio.gather(*[get(i) for i in range(5)])
    print(res)

asyncio.run(main())
