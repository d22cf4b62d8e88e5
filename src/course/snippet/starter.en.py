import asyncio


async def worker(name, delay):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    print(f"{name} done after {delay} s")
    return name


async def main():
    results = await asyncio.gather(worker("A", 2), worker("B", 1))
    print("results:", results)


asyncio.run(main())
