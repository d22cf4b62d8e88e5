import asyncio


async def f1():
    print(1)
    await asyncio.sleep(1)
    print(2)


async def f2():
    print(3)
    await asyncio.sleep(1)
    print(4)


async def main():
    print("main start")
    tasks = [
        asyncio.create_task(f1()),
        asyncio.create_task(f2()),
    ]
    done, pending = await asyncio.wait(tasks)    # 默认等到全部完成
    print(len(done), "个已完成,", len(pending), "个未完成")
    print("main end")


asyncio.run(main())
