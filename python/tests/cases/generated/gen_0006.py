# feature: generated asyncio program gen_0006 (generate.py seed 2026)
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
        await asyncio.sleep(0.09)
        print("t0 step 0")
        await asyncio.sleep(0.2)
        print("t0 step 1")
        await asyncio.sleep(0)
        print("t0 yielded")
        await asyncio.sleep(0.1)
        print("t0 step 3")
        return 1
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    x = await leaf("t1", 0.06, 1)
    print("t1 got", x)
    print("t1 value so far", 96)
    await asyncio.sleep(0)
    print("t1 yielded")
    x = await leaf("t1", 0.18, 5)
    print("t1 got", x)
    return 8


async def t2():
    print("t2 start")
    try:
        x = await leaf("t2", 0.16, 19)
        print("t2 got", x)
        x = await leaf("t2", 0.07, 8)
        print("t2 got", x)
        return 3
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.14)
        print("t3 step 0")
        await asyncio.sleep(0.11)
        print("t3 step 1")
        x = await leaf("t3", 0.02, 15)
        print("t3 got", x)
        return 9
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.08)
        print("t4 step 0")
        return 6
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def main():
    spawned = []
    print("== asyncio.timeout(0.12) around t0")
    try:
        async with asyncio.timeout(0.12):
            r = await t0()
        print("in time:", r)
    except TimeoutError:
        print("t0 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== asyncio.timeout(0.05) around t1")
    try:
        async with asyncio.timeout(0.05):
            r = await t1()
        print("in time:", r)
    except TimeoutError:
        print("t1 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
