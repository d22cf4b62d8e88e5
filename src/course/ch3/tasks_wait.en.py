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
    done, pending = await asyncio.wait(tasks)    # by default, waits until all are done
    print(len(done), "done,", len(pending), "pending")
    print("main end")


asyncio.run(main())
