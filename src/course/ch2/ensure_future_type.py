import asyncio


async def example():
    return "example"


async def main():
    task = asyncio.ensure_future(example())
    print(type(task))                # 原文注释写的是 _GatheringFuture，其实是 Task
    print(asyncio.isfuture(task))    # True：Task 是 Future 的子类
    print(await task)
    group = asyncio.gather(example())
    print(type(group))               # _GatheringFuture 是 gather 返回的类型
    print(await group)


asyncio.run(main())
