# feature: generated asyncio program gen_0060 (generate.py seed 2026)
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
        x = await leaf("t0", 0.15, 14)
        print("t0 got", x)
        await asyncio.sleep(0.13)
        print("t0 step 1")
        return 5
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        raise JobError("t1 failed at step 0")
        return 0
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    try:
        x = await leaf("t2", 0.03, 7)
        print("t2 got", x)
        raise JobError("t2 failed at step 1")
        return 3
    except asyncio.CancelledError:
        print("t2 cancelled")
        return "t2 gave up"
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.1)
        print("t3 step 0")
        await asyncio.sleep(0)
        print("t3 yielded")
        return 1
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    await asyncio.sleep(0.08)
    print("t4 step 0")
    return 8


async def t5():
    print("t5 start")
    try:
        x = await leaf("t5", 0.01, 7)
        print("t5 got", x)
        await asyncio.sleep(0.07)
        print("t5 step 1")
        x = await leaf("t5", 0.15, 13)
        print("t5 got", x)
        return 4
    except asyncio.CancelledError:
        print("t5 cancelled")
        return "t5 gave up"


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0)
        print("t6 yielded")
        await asyncio.sleep(0.2)
        print("t6 step 1")
        x = await leaf("t6", 0.2, 1)
        print("t6 got", x)
        return 4
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    await asyncio.sleep(0.19)
    print("cancel ts[2] ->", ts[2].cancel())
    await asyncio.sleep(0.19)
    print("cancel ts[2] ->", ts[2].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== as_completed")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
