# feature: uncaught TimeoutError from wait_for: chained from the inner CancelledError
import asyncio

async def fetch():
    await asyncio.sleep(5)

async def main():
    print("waiting")
    await asyncio.wait_for(fetch(), timeout=0.2)

asyncio.run(main())
