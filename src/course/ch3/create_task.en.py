import asyncio


async def f1():
    print(1)
    await asyncio.sleep(2)
    print(2)


async def f2():
    print(3)
    await asyncio.sleep(2)
    print(4)


async def main():
    print("main start")
    task1 = asyncio.create_task(f1())    # wrapped in a task, scheduled on the loop at once
    task2 = asyncio.create_task(f2())
    await task1    # main suspends here; task1 and task2 take turns
    await task2    # task2 slept alongside task1 and is already done
    print("main end")


asyncio.run(main())    # main start 1 3, two seconds later 2 4 main end
