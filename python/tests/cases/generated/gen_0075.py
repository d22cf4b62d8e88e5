# feature: generated asyncio program gen_0075 (generate.py seed 2026)
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
        await asyncio.sleep(0)
        print("t0 yielded")
        await asyncio.sleep(0.19)
        print("t0 step 1")
        return 9
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    x = await leaf("t1", 0.16, 12)
    print("t1 got", x)
    print("t1 value so far", 22)
    await asyncio.sleep(0.18)
    print("t1 step 2")
    await asyncio.sleep(0)
    print("t1 yielded")
    return 5


async def t2():
    print("t2 start")
    await asyncio.sleep(0.04)
    print("t2 step 0")
    x = await nested("t2", 1, 0.06)
    print("t2 got", x)
    await asyncio.sleep(0)
    print("t2 yielded")
    x = await leaf("t2", 0.05, 5)
    print("t2 got", x)
    return 1


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0)
        print("t3 yielded")
        await asyncio.sleep(0.18)
        print("t3 step 1")
        return 3
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        print("t4 value so far", 23)
        await asyncio.sleep(0.13)
        print("t4 step 1")
        await asyncio.sleep(0)
        print("t4 yielded")
        return 7
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    x = await nested("t5", 1, 0.1)
    print("t5 got", x)
    await asyncio.sleep(0.03)
    print("t5 step 1")
    return 8


async def t6():
    print("t6 start")
    try:
        x = await leaf("t6", 0.11, 6)
        print("t6 got", x)
        await asyncio.sleep(0.06)
        print("t6 step 1")
        return 7
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


async def t7():
    print("t7 start")
    try:
        print("t7 value so far", 62)
        return 0
    except asyncio.CancelledError:
        print("t7 cancelled")
        return "t7 gave up"
    finally:
        print("t7 finally")


async def t8():
    print("t8 start")
    try:
        x = await leaf("t8", 0.03, 19)
        print("t8 got", x)
        await asyncio.sleep(0)
        print("t8 yielded")
        await asyncio.sleep(0.15)
        print("t8 step 2")
        await asyncio.sleep(0.08)
        print("t8 step 3")
        return 8
    except asyncio.CancelledError:
        print("t8 cancelled")
        raise


async def main():
    spawned = []
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7"), asyncio.create_task(t8(), name="t8")]
    spawned.extend(ts)
    await asyncio.sleep(0.03)
    print("cancel ts[3] ->", ts[3].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
