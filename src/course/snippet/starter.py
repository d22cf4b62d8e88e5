import asyncio


async def worker(name, delay):
    print(f"{name} 开始")
    await asyncio.sleep(delay)
    print(f"{name} 完成，用时 {delay} 秒")
    return name


async def main():
    results = await asyncio.gather(worker("A", 2), worker("B", 1))
    print("结果:", results)


asyncio.run(main())
