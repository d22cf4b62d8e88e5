# feature: cancelling a task before it ever runs: its body never executes
import asyncio

async def job():
    print("job body runs")

async def main():
    t = asyncio.create_task(job())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before start", t.cancelled())

asyncio.run(main())
