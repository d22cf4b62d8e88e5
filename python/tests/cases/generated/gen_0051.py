# feature: generated asyncio program gen_0051 (generate.py seed 2026)
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
    await asyncio.sleep(0)
    print("t0 yielded")
    x = await leaf("t0", 0.05, 8)
    print("t0 got", x)
    return 0


async def t1():
    print("t1 start")
    x = await nested("t1", 3, 0.04)
    print("t1 got", x)
    await asyncio.sleep(0.15)
    print("t1 step 1")
    await asyncio.sleep(0)
    print("t1 yielded")
    return 1


async def t2():
    print("t2 start")
    try:
        x = await nested("t2", 1, 0.01)
        print("t2 got", x)
        x = await leaf("t2", 0.04, 8)
        print("t2 got", x)
        return 9
    except asyncio.CancelledError:
        print("t2 cancelled")
        return "t2 gave up"


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.01)
        print("t3 step 0")
        return 1
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        print("t4 value so far", 30)
        raise JobError("t4 failed at the end")
        return 3
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    try:
        raise JobError("t5 failed at step 0")
        return 3
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    x = await leaf("t6", 0.09, 15)
    print("t6 got", x)
    x = await nested("t6", 2, 0.06)
    print("t6 got", x)
    await asyncio.sleep(0.03)
    print("t6 step 2")
    await asyncio.sleep(0.12)
    print("t6 step 3")
    return 6


async def t7():
    print("t7 start")
    try:
        await asyncio.sleep(0)
        print("t7 yielded")
        await asyncio.sleep(0.02)
        print("t7 step 1")
        return 8
    except asyncio.CancelledError:
        print("t7 cancelled")
        raise


async def t8():
    print("t8 start")
    x = await leaf("t8", 0.02, 14)
    print("t8 got", x)
    raise JobError("t8 failed at the end")
    return 7


async def t9():
    print("t9 start")
    x = await leaf("t9", 0.12, 18)
    print("t9 got", x)
    await asyncio.sleep(0.19)
    print("t9 step 1")
    await asyncio.sleep(0)
    print("t9 yielded")
    await asyncio.sleep(0.01)
    print("t9 step 3")
    raise JobError("t9 failed at the end")
    return 7


async def t10():
    print("t10 start")
    try:
        await asyncio.sleep(0.09)
        print("t10 step 0")
        print("t10 value so far", 24)
        x = await nested("t10", 2, 0.0)
        print("t10 got", x)
        await asyncio.sleep(0.09)
        print("t10 step 3")
        return 9
    except asyncio.CancelledError:
        print("t10 cancelled")
        raise
    finally:
        print("t10 finally")


async def main():
    spawned = []
    print("== wait FIRST_COMPLETED timeout=None")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== wait ALL_COMPLETED timeout=None")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t7(), name="t7"), asyncio.create_task(t8(), name="t8"), asyncio.create_task(t9(), name="t9")]
    spawned.extend(ts)
    await asyncio.sleep(0.07)
    print("cancel ts[0] ->", ts[0].cancel())
    await asyncio.sleep(0.15)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait_for t10 timeout=0.14")
    try:
        r = await asyncio.wait_for(t10(), timeout=0.14)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t10 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
