import asyncio


async def slow_numbers(minimum, maximum):
    yield '<html><body><ul>'
    for number in range(minimum, maximum + 1):
        yield '<li>%d</li>' % number
        await asyncio.sleep(0.5)
    yield '</ul></body></html>'


async def main():
    async for chunk in slow_numbers(1, 10):    # StreamingResponse 也是这样逐个取出 chunk
        print(chunk)


asyncio.run(main())
