# feature: generated asyncio program gen_0070 (generate.py seed 2026)
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
        raise JobError("t0 failed at step 0")
        return 3
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.07)
        print("t1 step 0")
        x = await leaf("t1", 0.05, 15)
        print("t1 got", x)
        await asyncio.sleep(0)
        print("t1 yielded")
        raise JobError("t1 failed at step 3")
        return 6
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    await asyncio.sleep(0.15)
    print("t2 step 0")
    return 2


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.08)
        print("t3 step 0")
        return 2
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    await asyncio.sleep(0)
    print("t4 yielded")
    print("t4 value so far", 91)
    await asyncio.sleep(0.17)
    print("t4 step 2")
    await asyncio.sleep(0.18)
    print("t4 step 3")
    return 0


async def t5():
    print("t5 start")
    try:
        x = await nested("t5", 3, 0.06)
        print("t5 got", x)
        await asyncio.sleep(0.18)
        print("t5 step 1")
        await asyncio.sleep(0.1)
        print("t5 step 2")
        x = await leaf("t5", 0.13, 13)
        print("t5 got", x)
        return 8
    except asyncio.CancelledError:
        print("t5 cancelled")
        return "t5 gave up"
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    try:
        print("t6 value so far", 76)
        return 3
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise
    finally:
        print("t6 finally")


async def t7():
    print("t7 start")
    x = await leaf("t7", 0.03, 10)
    print("t7 got", x)
    await asyncio.sleep(0.15)
    print("t7 step 1")
    await asyncio.sleep(0.0)
    print("t7 step 2")
    await asyncio.sleep(0)
    print("t7 yielded")
    return 8


async def t8():
    print("t8 start")
    try:
        await asyncio.sleep(0)
        print("t8 yielded")
        await asyncio.sleep(0)
        print("t8 yielded")
        raise JobError("t8 failed at step 2")
        return 8
    finally:
        print("t8 finally")


async def t9():
    print("t9 start")
    try:
        raise JobError("t9 failed at step 0")
        return 2
    except asyncio.CancelledError:
        print("t9 cancelled")
        raise


async def t10():
    print("t10 start")
    await asyncio.sleep(0.17)
    print("t10 step 0")
    await asyncio.sleep(0.06)
    print("t10 step 1")
    await asyncio.sleep(0)
    print("t10 yielded")
    await asyncio.sleep(0.13)
    print("t10 step 3")
    return 8


async def t11():
    print("t11 start")
    try:
        raise JobError("t11 failed at step 0")
        return 9
    except asyncio.CancelledError:
        print("t11 cancelled")
        raise


async def t12():
    print("t12 start")
    try:
        x = await leaf("t12", 0.07, 9)
        print("t12 got", x)
        await asyncio.sleep(0.03)
        print("t12 step 1")
        raise JobError("t12 failed at step 2")
        return 7
    except asyncio.CancelledError:
        print("t12 cancelled")
        raise
    finally:
        print("t12 finally")


async def main():
    spawned = []
    print("== wait ALL_COMPLETED timeout=0.03")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED, timeout=0.03)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait FIRST_EXCEPTION timeout=0.17")
    ts = [asyncio.create_task(t8(), name="t8"), asyncio.create_task(t9(), name="t9"), asyncio.create_task(t10(), name="t10"), asyncio.create_task(t11(), name="t11")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION, timeout=0.17)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== wait_for t12 timeout=0.15")
    try:
        r = await asyncio.wait_for(t12(), timeout=0.15)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t12 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
