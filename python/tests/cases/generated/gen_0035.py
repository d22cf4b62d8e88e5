# feature: generated asyncio program gen_0035 (generate.py seed 2026)
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
        x = await nested("t0", 3, 0.03)
        print("t0 got", x)
        await asyncio.sleep(0)
        print("t0 yielded")
        return 0
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    await asyncio.sleep(0.04)
    print("t1 step 0")
    print("t1 value so far", 90)
    await asyncio.sleep(0.19)
    print("t1 step 2")
    return 7


async def t2():
    print("t2 start")
    await asyncio.sleep(0)
    print("t2 yielded")
    x = await leaf("t2", 0.2, 13)
    print("t2 got", x)
    await asyncio.sleep(0.11)
    print("t2 step 2")
    return 5


async def t3():
    print("t3 start")
    try:
        print("t3 value so far", 17)
        await asyncio.sleep(0.03)
        print("t3 step 1")
        await asyncio.sleep(0)
        print("t3 yielded")
        await asyncio.sleep(0)
        print("t3 yielded")
        return 1
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    await asyncio.sleep(0.12)
    print("cancel ts[1] ->", ts[1].cancel())
    await asyncio.sleep(0.06)
    print("cancel ts[3] ->", ts[3].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
