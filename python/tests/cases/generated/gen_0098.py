# feature: generated asyncio program gen_0098 (generate.py seed 2026)
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
    print("t0 value so far", 3)
    await asyncio.sleep(0.16)
    print("t0 step 1")
    return 1


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0)
        print("t1 yielded")
        await asyncio.sleep(0)
        print("t1 yielded")
        await asyncio.sleep(0.15)
        print("t1 step 2")
        x = await leaf("t1", 0.1, 10)
        print("t1 got", x)
        return 0
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        x = await leaf("t2", 0.11, 11)
        print("t2 got", x)
        await asyncio.sleep(0.12)
        print("t2 step 1")
        return 1
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.2)
        print("t3 step 0")
        await asyncio.sleep(0)
        print("t3 yielded")
        await asyncio.sleep(0)
        print("t3 yielded")
        return 5
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0)
        print("t4 yielded")
        await asyncio.sleep(0.03)
        print("t4 step 1")
        return 5
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    await asyncio.sleep(0.04)
    print("t5 step 0")
    print("t5 value so far", 52)
    await asyncio.sleep(0.1)
    print("t5 step 2")
    x = await leaf("t5", 0.18, 3)
    print("t5 got", x)
    return 9


async def t6():
    print("t6 start")
    await asyncio.sleep(0.14)
    print("t6 step 0")
    await asyncio.sleep(0.07)
    print("t6 step 1")
    await asyncio.sleep(0.04)
    print("t6 step 2")
    await asyncio.sleep(0.2)
    print("t6 step 3")
    raise JobError("t6 failed at the end")
    return 0


async def main():
    spawned = []
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t0()), asyncio.create_task(t1()), asyncio.create_task(t2())]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    await asyncio.sleep(0.05)
    print("cancel ts[2] ->", ts[2].cancel())
    await asyncio.sleep(0.13)
    print("cancel ts[2] ->", ts[2].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
