# feature: generated asyncio program gen_0039 (generate.py seed 2026)
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
        await asyncio.sleep(0.0)
        print("t0 step 0")
        await asyncio.sleep(0.04)
        print("t0 step 1")
        await asyncio.sleep(0.15)
        print("t0 step 2")
        x = await leaf("t0", 0.08, 1)
        print("t0 got", x)
        return 6
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.17)
        print("t1 step 0")
        return 5
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0)
        print("t2 yielded")
        x = await nested("t2", 2, 0.03)
        print("t2 got", x)
        raise JobError("t2 failed at step 2")
        return 6
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0)
        print("t3 yielded")
        await asyncio.sleep(0.16)
        print("t3 step 1")
        x = await leaf("t3", 0.07, 17)
        print("t3 got", x)
        return 7
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.11)
        print("t4 step 0")
        return 0
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.14)
        print("t5 step 0")
        raise JobError("t5 failed at the end")
        return 8
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    x = await leaf("t6", 0.16, 9)
    print("t6 got", x)
    raise JobError("t6 failed at the end")
    return 2


async def t7():
    print("t7 start")
    x = await nested("t7", 1, 0.05)
    print("t7 got", x)
    raise JobError("t7 failed at the end")
    return 5


async def t8():
    print("t8 start")
    try:
        print("t8 value so far", 63)
        print("t8 value so far", 96)
        x = await leaf("t8", 0.01, 11)
        print("t8 got", x)
        await asyncio.sleep(0.2)
        print("t8 step 3")
        return 4
    finally:
        print("t8 finally")


async def t9():
    print("t9 start")
    try:
        await asyncio.sleep(0.19)
        print("t9 step 0")
        await asyncio.sleep(0)
        print("t9 yielded")
        await asyncio.sleep(0.2)
        print("t9 step 2")
        await asyncio.sleep(0.08)
        print("t9 step 3")
        return 3
    except asyncio.CancelledError:
        print("t9 cancelled")
        raise


async def t10():
    print("t10 start")
    try:
        x = await leaf("t10", 0.14, 12)
        print("t10 got", x)
        return 5
    except asyncio.CancelledError:
        print("t10 cancelled")
        raise
    finally:
        print("t10 finally")


async def t11():
    print("t11 start")
    try:
        await asyncio.sleep(0)
        print("t11 yielded")
        await asyncio.sleep(0.01)
        print("t11 step 1")
        await asyncio.sleep(0)
        print("t11 yielded")
        return 9
    finally:
        print("t11 finally")


async def t12():
    print("t12 start")
    x = await nested("t12", 3, 0.05)
    print("t12 got", x)
    return 2


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== asyncio.timeout(0.04) around t0")
    try:
        async with asyncio.timeout(0.04):
            r = await t0()
        print("in time:", r)
    except TimeoutError:
        print("t0 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t5()), asyncio.create_task(t6()), asyncio.create_task(t7())]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t8(), name="t8"), asyncio.create_task(t9(), name="t9"), asyncio.create_task(t10(), name="t10"), asyncio.create_task(t11(), name="t11")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t12 unguarded")
    await failing(t12)


asyncio.run(main())
