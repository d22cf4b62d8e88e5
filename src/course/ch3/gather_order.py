import asyncio


async def work(name, seconds):
    print(name, "开始")
    await asyncio.sleep(seconds)
    print(name, "结束")
    return name


async def main():
    # slow 最后结束，但结果列表按参数顺序排列
    results = await asyncio.gather(work("slow", 3), work("fast", 1), work("mid", 2))
    print(results)


asyncio.run(main())
