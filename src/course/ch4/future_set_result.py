import asyncio


async def set_after(fut):
    await asyncio.sleep(2)
    fut.set_result("可以结束了")    # 2 秒后由另一个任务设置结果


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(set_after(fut))
    data = await asyncio.gather(fut, task)    # task 本身返回 None
    print(data)


asyncio.run(main())
