# feature: task.cancel(msg): the message reaches the CancelledError inside the task
import asyncio

async def job():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside:", repr(e), e.args)
        raise

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0.1)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside:", type(e).__name__, e.args)

asyncio.run(main())
