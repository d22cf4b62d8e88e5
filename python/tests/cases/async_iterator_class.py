# feature: __aiter__/__anext__ async iterator class with async for, StopAsyncIteration
import asyncio

class Ticker:
    def __init__(self, count, delay):
        self.count = count
        self.delay = delay
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.count:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i

async def main():
    async for n in Ticker(3, 0.1):
        print("tick", n)
    it = Ticker(1, 0)
    print(await it.__anext__())
    try:
        await it.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")

asyncio.run(main())
