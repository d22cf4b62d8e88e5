import asyncio


async def producer(queue):
    for i in range(1, 6):
        await queue.put(i)            # waits here while the queue is full
        print("put", i)
        await asyncio.sleep(0.5)


async def consumer(name, queue):
    while True:
        item = await queue.get()      # waits here while the queue is empty
        print(name, "got", item)
        await asyncio.sleep(1)        # each item takes 1 s
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(f"c{i}", queue)) for i in (1, 2)]
    await producer(queue)
    await queue.join()                # until every item put is done
    for c in consumers:
        c.cancel()                    # consumers loop forever: cancel them
    print("all done")


asyncio.run(main())
