# feature: uncaught exception deep in awaited coroutines: traceback through each coroutine frame
import asyncio

async def parse(data):
    await asyncio.sleep(0.1)
    return int(data)

async def handle(data):
    value = await parse(data)
    return value * 2

async def main():
    print(await handle("21"))
    print(await handle("oops"))

asyncio.run(main())
