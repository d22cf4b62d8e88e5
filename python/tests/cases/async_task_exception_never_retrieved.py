# feature: a task that raises and is never awaited: "Task exception was never retrieved" logged when it is freed
import asyncio

async def boom():
    await asyncio.sleep(0.1)
    raise ValueError("nobody listens")

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.3)
    print("task done?", t.done())
    del t
    print("reference dropped")
    await asyncio.sleep(0.1)
    print("main done")

asyncio.run(main())
