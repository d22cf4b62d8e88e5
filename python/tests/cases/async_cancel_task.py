# feature: task.cancel(): CancelledError at the await point, cancelled()/done() afterwards
import asyncio

async def long_job():
    print("job starting")
    await asyncio.sleep(10)
    print("never printed")

async def main():
    t = asyncio.create_task(long_job())
    await asyncio.sleep(0.5)
    print("cancel returns", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting the task raised CancelledError")
    print("cancelled?", t.cancelled(), "done?", t.done(), "cancel again:", t.cancel())

asyncio.run(main())
