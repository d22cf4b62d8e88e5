# feature: generated asyncio program gen_0059 (generate.py seed 2026)
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
        x = await leaf("t0", 0.11, 0)
        print("t0 got", x)
        await asyncio.sleep(0.13)
        print("t0 step 1")
        return 6
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.13)
        print("t1 step 0")
        await asyncio.sleep(0)
        print("t1 yielded")
        await asyncio.sleep(0.2)
        print("t1 step 2")
        return 4
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.09)
        print("t2 step 0")
        raise JobError("t2 failed at the end")
        return 6
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0)
        print("t3 yielded")
        await asyncio.sleep(0)
        print("t3 yielded")
        x = await nested("t3", 1, 0.01)
        print("t3 got", x)
        raise JobError("t3 failed at step 3")
        return 3
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.12)
        print("t4 step 0")
        print("t4 value so far", 90)
        await asyncio.sleep(0.17)
        print("t4 step 2")
        return 7
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise
    finally:
        print("t4 finally")


async def main():
    spawned = []
    print("== asyncio.timeout(0.2) around t0")
    try:
        async with asyncio.timeout(0.2):
            r = await t0()
        print("in time:", r)
    except TimeoutError:
        print("t0 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
