import asyncio


async def work(name, seconds):
    print(name, "start")
    await asyncio.sleep(seconds)
    print(name, "end")
    return name


async def main():
    # slow ends last, yet the results follow the order of the arguments
    results = await asyncio.gather(work("slow", 3), work("fast", 1), work("mid", 2))
    print(results)


asyncio.run(main())
