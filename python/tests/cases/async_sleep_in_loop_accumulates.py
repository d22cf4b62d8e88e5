# feature: virtual time accumulates float sleeps exactly as CPython's loop.time arithmetic does
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for _ in range(10):
        await asyncio.sleep(0.1)
    print(loop.time())
    await asyncio.sleep(1 / 3)
    print(loop.time(), round(loop.time(), 3))

asyncio.run(main())
