# feature: generated asyncio program gen_0067 (generate.py seed 2026)
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
        x = await leaf("t0", 0.03, 18)
        print("t0 got", x)
        return 3
    except asyncio.CancelledError:
        print("t0 cancelled")
        return "t0 gave up"


async def t1():
    print("t1 start")
    await asyncio.sleep(0.13)
    print("t1 step 0")
    x = await leaf("t1", 0.0, 1)
    print("t1 got", x)
    raise JobError("t1 failed at the end")
    return 4


async def t2():
    print("t2 start")
    await asyncio.sleep(0.09)
    print("t2 step 0")
    x = await leaf("t2", 0.06, 20)
    print("t2 got", x)
    await asyncio.sleep(0)
    print("t2 yielded")
    return 3


async def t3():
    print("t3 start")
    try:
        print("t3 value so far", 10)
        await asyncio.sleep(0.11)
        print("t3 step 1")
        return 5
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    await asyncio.sleep(0.07)
    print("t4 step 0")
    return 0


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.03)
        print("t5 step 0")
        await asyncio.sleep(0)
        print("t5 yielded")
        await asyncio.sleep(0.04)
        print("t5 step 2")
        await asyncio.sleep(0.01)
        print("t5 step 3")
        return 6
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    await asyncio.sleep(0.07)
    print("t6 step 0")
    await asyncio.sleep(0.09)
    print("t6 step 1")
    return 2


async def t7():
    print("t7 start")
    print("t7 value so far", 21)
    x = await nested("t7", 3, 0.02)
    print("t7 got", x)
    x = await leaf("t7", 0.0, 8)
    print("t7 got", x)
    return 4


async def t8():
    print("t8 start")
    await asyncio.sleep(0)
    print("t8 yielded")
    await asyncio.sleep(0.18)
    print("t8 step 1")
    x = await leaf("t8", 0.09, 12)
    print("t8 got", x)
    x = await nested("t8", 3, 0.04)
    print("t8 got", x)
    return 9


async def t9():
    print("t9 start")
    try:
        raise JobError("t9 failed at step 0")
        return 6
    except asyncio.CancelledError:
        print("t9 cancelled")
        raise


async def t10():
    print("t10 start")
    await asyncio.sleep(0)
    print("t10 yielded")
    return 9


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


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
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5")]
    spawned.extend(ts)
    await asyncio.sleep(0.1)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== as_completed")
    ts = [asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7"), asyncio.create_task(t8(), name="t8"), asyncio.create_task(t9(), name="t9")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t10 unguarded")
    await failing(t10)


asyncio.run(main())
