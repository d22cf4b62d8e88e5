# feature: generated asyncio program gen_0074 (generate.py seed 2026)
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
        await asyncio.sleep(0.12)
        print("t0 step 0")
        await asyncio.sleep(0.19)
        print("t0 step 1")
        await asyncio.sleep(0.09)
        print("t0 step 2")
        await asyncio.sleep(0.07)
        print("t0 step 3")
        return 7
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        print("t1 value so far", 22)
        x = await leaf("t1", 0.18, 12)
        print("t1 got", x)
        x = await leaf("t1", 0.07, 0)
        print("t1 got", x)
        return 7
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.04)
        print("t2 step 0")
        x = await nested("t2", 1, 0.05)
        print("t2 got", x)
        print("t2 value so far", 27)
        raise JobError("t2 failed at step 3")
        return 4
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    await asyncio.sleep(0)
    print("t3 yielded")
    x = await nested("t3", 1, 0.01)
    print("t3 got", x)
    await asyncio.sleep(0)
    print("t3 yielded")
    return 0


async def t4():
    print("t4 start")
    await asyncio.sleep(0.04)
    print("t4 step 0")
    await asyncio.sleep(0.15)
    print("t4 step 1")
    await asyncio.sleep(0.2)
    print("t4 step 2")
    await asyncio.sleep(0.09)
    print("t4 step 3")
    return 9


async def t5():
    print("t5 start")
    try:
        x = await nested("t5", 2, 0.03)
        print("t5 got", x)
        raise JobError("t5 failed at the end")
        return 5
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    await asyncio.sleep(0)
    print("t6 yielded")
    return 7


async def main():
    spawned = []
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    print("== as_completed")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
