import asyncio


async def f1():
    print(1)
    await asyncio.sleep(1)
    print(2)


async def f2():
    print(3)
    await asyncio.sleep(3)
    print(4)


# Mistake: at module level no event loop is running yet, so create_task fails
try:
    tasks = [asyncio.create_task(f1()), asyncio.create_task(f2())]
except RuntimeError as e:
    print("RuntimeError:", e)


# Fix 1: inside the loop, wrap the coroutines in tasks with ensure_future, then wait for them
async def fix1():
    await asyncio.wait([asyncio.ensure_future(f1()), asyncio.ensure_future(f2())])


# Fix 2: call create_task inside a coroutine, where the loop is already running
async def fix2():
    tasks = [asyncio.create_task(f1()), asyncio.create_task(f2())]
    await asyncio.wait(tasks)


asyncio.run(fix1())
print("fix 1 done")
asyncio.run(fix2())
print("fix 2 done")
