# feature: asyncio.current_task inside tasks, None outside, all_tasks counts
import asyncio

async def child():
    me = asyncio.current_task()
    print("child is", me.get_name(), "tasks alive:", len(asyncio.all_tasks()))
    await asyncio.sleep(0.1)

async def main():
    print("main is", asyncio.current_task().get_name())
    await asyncio.gather(child(), child())
    print("tasks alive at the end:", len(asyncio.all_tasks()))

print(asyncio.run(main()))
