# feature: generated asyncio program gen_0121 (generate.py seed 2026)
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
    print("t0 value so far", 98)
    await asyncio.sleep(0)
    print("t0 yielded")
    x = await leaf("t0", 0.02, 5)
    print("t0 got", x)
    raise JobError("t0 failed at step 3")
    return 8


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.1)
        print("t1 step 0")
        return 5
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        x = await leaf("t2", 0.1, 14)
        print("t2 got", x)
        print("t2 value so far", 3)
        return 3
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.04)
        print("t3 step 0")
        await asyncio.sleep(0.18)
        print("t3 step 1")
        return 0
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    x = await leaf("t4", 0.07, 1)
    print("t4 got", x)
    return 7


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.16)
        print("t5 step 0")
        await asyncio.sleep(0.17)
        print("t5 step 1")
        x = await nested("t5", 1, 0.01)
        print("t5 got", x)
        raise JobError("t5 failed at step 3")
        return 0
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    try:
        raise JobError("t6 failed at step 0")
        return 0
    finally:
        print("t6 finally")


async def main():
    spawned = []
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    await asyncio.sleep(0.2)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
