# feature: wait_for propagating an exception raised by the inner coroutine before the timeout
import asyncio

async def fails():
    await asyncio.sleep(0.1)
    raise LookupError("not found")

async def main():
    try:
        await asyncio.wait_for(fails(), 1)
    except LookupError as e:
        print("LookupError:", e)

asyncio.run(main())
