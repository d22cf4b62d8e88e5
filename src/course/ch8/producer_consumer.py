import asyncio


async def producer(queue):
    for i in range(1, 6):
        await queue.put(i)            # 队列满了就在这里等
        print("放入", i)
        await asyncio.sleep(0.5)


async def consumer(name, queue):
    while True:
        item = await queue.get()      # 队列空了就在这里等
        print(name, "取到", item)
        await asyncio.sleep(1)        # 处理一个要 1 秒
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(f"c{i}", queue)) for i in (1, 2)]
    await producer(queue)
    await queue.join()                # 等放进去的每一个都处理完
    for c in consumers:
        c.cancel()                    # 消费者是死循环，用完要取消
    print("全部完成")


asyncio.run(main())
