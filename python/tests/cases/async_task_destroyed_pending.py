# feature: a pending task destroyed with its loop: "Task was destroyed but it is pending!"
import asyncio

async def forever():
    await asyncio.Event().wait()

loop = asyncio.new_event_loop()
task = loop.create_task(forever())
loop.run_until_complete(asyncio.sleep(0.1))
print("loop done, task done?", task.done())
loop.close()
del task
print("end of program")
