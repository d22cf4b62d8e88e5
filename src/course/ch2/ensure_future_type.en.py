import asyncio


async def example():
    return "example"


async def main():
    task = asyncio.ensure_future(example())
    print(type(task))                # the text's comment says _GatheringFuture; it is a Task
    print(asyncio.isfuture(task))    # True: Task is a subclass of Future
    print(await task)
    group = asyncio.gather(example())
    print(type(group))               # _GatheringFuture is what gather returns
    print(await group)


asyncio.run(main())
