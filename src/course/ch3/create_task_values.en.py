import asyncio


async def func():
    print(1)
    await asyncio.sleep(2)
    print(2)
    return "return value"


async def main():
    print("main start")
    task1 = asyncio.create_task(func())    # wrapped in a Task, added to the loop: ready, not run yet
    task2 = asyncio.create_task(func())
    print("main end")                      # main has not yielded yet: neither task ran a line
    ret1 = await task1                     # main suspends here, and only now the tasks run
    ret2 = await task2                     # awaiting a task gives its return value
    print(ret1, ret2)


asyncio.run(main())
