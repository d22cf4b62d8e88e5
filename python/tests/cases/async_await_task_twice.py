# feature: awaiting a finished task again returns the same result; awaiting a coroutine twice fails
import asyncio

async def compute():
    await asyncio.sleep(0.1)
    return 7

async def main():
    t = asyncio.create_task(compute())
    print(await t)
    print(await t)
    coro = compute()
    print(await coro)
    try:
        await coro
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
