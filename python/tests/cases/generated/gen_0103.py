# feature: generated asyncio program gen_0103 (generate.py seed 2026)
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
        await asyncio.sleep(0.07)
        print("t0 step 0")
        await asyncio.sleep(0.17)
        print("t0 step 1")
        x = await leaf("t0", 0.08, 5)
        print("t0 got", x)
        return 8
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.14)
        print("t1 step 0")
        print("t1 value so far", 67)
        x = await nested("t1", 1, 0.0)
        print("t1 got", x)
        return 0
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.09)
        print("t2 step 0")
        await asyncio.sleep(0.2)
        print("t2 step 1")
        return 7
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.03)
        print("t3 step 0")
        x = await nested("t3", 3, 0.07)
        print("t3 got", x)
        await asyncio.sleep(0.13)
        print("t3 step 2")
        raise JobError("t3 failed at the end")
        return 9
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.17)
        print("t4 step 0")
        print("t4 value so far", 69)
        return 1
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    try:
        x = await nested("t5", 3, 0.03)
        print("t5 got", x)
        x = await nested("t5", 2, 0.0)
        print("t5 got", x)
        await asyncio.sleep(0.04)
        print("t5 step 2")
        return 5
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0.19)
        print("t6 step 0")
        await asyncio.sleep(0.08)
        print("t6 step 1")
        await asyncio.sleep(0.03)
        print("t6 step 2")
        return 8
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise
    finally:
        print("t6 finally")


async def t7():
    print("t7 start")
    await asyncio.sleep(0.16)
    print("t7 step 0")
    x = await leaf("t7", 0.13, 2)
    print("t7 got", x)
    raise JobError("t7 failed at the end")
    return 4


async def t8():
    print("t8 start")
    print("t8 value so far", 85)
    x = await leaf("t8", 0.01, 7)
    print("t8 got", x)
    await asyncio.sleep(0.03)
    print("t8 step 2")
    raise JobError("t8 failed at the end")
    return 9


async def t9():
    print("t9 start")
    try:
        await asyncio.sleep(0.15)
        print("t9 step 0")
        await asyncio.sleep(0.11)
        print("t9 step 1")
        return 2
    except asyncio.CancelledError:
        print("t9 cancelled")
        return "t9 gave up"


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    await asyncio.sleep(0.07)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t2()), asyncio.create_task(t3())]
    spawned.extend(ts)
    await asyncio.sleep(0.0)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait FIRST_COMPLETED timeout=0.07")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.07)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t7(), name="t7"), asyncio.create_task(t8(), name="t8")]
    spawned.extend(ts)
    await asyncio.sleep(0.1)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t9 unguarded")
    await failing(t9)


asyncio.run(main())
