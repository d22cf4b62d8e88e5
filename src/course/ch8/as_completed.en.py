import asyncio


async def work(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    aws = [work("slow", 3), work("fast", 1), work("mid", 2)]
    for next_done in asyncio.as_completed(aws):    # whichever finishes first comes first
        print(await next_done)


asyncio.run(main())
