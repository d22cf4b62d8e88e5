# feature: uncaught InvalidStateError from task.result() before the task is done
import asyncio

async def work():
    await asyncio.sleep(1)

async def main():
    t = asyncio.create_task(work())
    print("done?", t.done())
    print(t.result())

asyncio.run(main())
