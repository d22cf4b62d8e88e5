# feature: generated asyncio program gen_0011 (generate.py seed 2026)
import asyncio


class JobError(Exception):
    pass


async def leaf(owner, d, v):
    await asyncio.sleep(d)
    print(owner, "leaf", v)
    return v


async def nested(owner, depth, d):
    if depth == 0:
        await asyncio.sleep(d)
        return 1
    r = await nested(owner, depth - 1, d)
    print(owner, "nested depth", depth)
    return r + depth


async def spinner(name, n):
    for i in range(n):
        print(name, "spin", i)
        await asyncio.sleep(0)


def show(r):
    if isinstance(r, BaseException):
        return type(r).__name__ + (': ' + str(r) if str(r) else '')
    return r


def outcome(t):
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return show(t.exception())
    return t.result()


async def t0():
    print("t0 start")
    try:
        x = await nested("t0", 1, 0.03)
        print("t0 got", x)
        print("t0 value so far", 81)
        x = await leaf("t0", 0.17, 3)
        print("t0 got", x)
        await asyncio.sleep(0.08)
        print("t0 step 3")
        return 1
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    raise JobError("t1 failed at step 0")
    return 3


async def t2():
    print("t2 start")
    x = await leaf("t2", 0.04, 20)
    print("t2 got", x)
    await asyncio.sleep(0.12)
    print("t2 step 1")
    raise JobError("t2 failed at step 2")
    return 8


async def t3():
    print("t3 start")
    try:
        raise JobError("t3 failed at step 0")
        return 8
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0()), asyncio.create_task(t1()), asyncio.create_task(t2()), asyncio.create_task(t3())]
    spawned.extend(ts)
    await asyncio.sleep(0.01)
    print("cancel ts[3] ->", ts[3].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
