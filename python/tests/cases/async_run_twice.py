# feature: two consecutive asyncio.run calls: the clock keeps going, task names keep counting
import asyncio

async def main(tag):
    print(tag, asyncio.current_task().get_name())
    await asyncio.sleep(0.2)
    t = asyncio.create_task(asyncio.sleep(0.1))
    await t
    print(tag, "done", t.get_name())

asyncio.run(main("first"))
asyncio.run(main("second"))
