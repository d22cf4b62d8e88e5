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
    # waits at most 2 s: what is not done by then goes to pending, not cancelled
    done, pending = await asyncio.wait(tasks, timeout=2)
    for d in done:
        print(d.done(), d.result())
    for p in pending:
        print(p.done())


asyncio.run(main())    # once main returns, asyncio.run cancels f1, still asleep
