import asyncio


async def f1():
    print(1)
    await asyncio.sleep(3)
    print(2)
    return "f1"


async def f2():
    print(3)
    await asyncio.sleep(1)
    print(4)
    return "f2"


async def main():
    tasks = [
        asyncio.create_task(f1()),
        asyncio.create_task(f2()),
    ]
    # 最多等 2 秒：到点还没完成的放进 pending，但不会被取消
    done, pending = await asyncio.wait(tasks, timeout=2)
    for d in done:
        print(d.done(), d.result())
    for p in pending:
        print(p.done())


asyncio.run(main())    # main 返回后，asyncio.run 取消还在睡的 f1
