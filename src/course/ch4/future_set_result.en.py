import asyncio


async def set_after(fut):
    await asyncio.sleep(2)
    fut.set_result("done")    # another task sets the result after 2 s


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(set_after(fut))
    data = await asyncio.gather(fut, task)    # the task itself returns None
    print(data)


asyncio.run(main())
