import asyncio


async def func():
    print(1)
    await asyncio.sleep(2)
    print(2)
    return "return value"


async def main():
    print("main start")
    # Two named tasks, added to the loop's list of tasks (ready to run)
    task_list = [
        asyncio.create_task(func(), name="n1"),
        asyncio.create_task(func(), name="n2")
    ]
    print("main end")
    # timeout=None: wait until all are done; done ones go to done, the rest to pending
    done, pending = await asyncio.wait(task_list, timeout=None)
    print(done, pending)


asyncio.run(main())
