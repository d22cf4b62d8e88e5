# feature: awaiting a cancelled task without catching: uncaught CancelledError traceback
import asyncio

async def job():
    await asyncio.sleep(1)

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0.1)
    t.cancel()
    await t

asyncio.run(main())
