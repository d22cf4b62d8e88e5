# feature: generated asyncio program gen_0126 (generate.py seed 2026)
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
    await asyncio.sleep(0.01)
    print("t0 step 0")
    await asyncio.sleep(0.17)
    print("t0 step 1")
    await asyncio.sleep(0.09)
    print("t0 step 2")
    return 1


async def t1():
    print("t1 start")
    await asyncio.sleep(0)
    print("t1 yielded")
    await asyncio.sleep(0.18)
    print("t1 step 1")
    await asyncio.sleep(0.02)
    print("t1 step 2")
    return 7


async def t2():
    print("t2 start")
    await asyncio.sleep(0.03)
    print("t2 step 0")
    await asyncio.sleep(0)
    print("t2 yielded")
    return 1


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.06)
        print("t3 step 0")
        await asyncio.sleep(0)
        print("t3 yielded")
        return 7
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.15)
        print("t4 step 0")
        x = await leaf("t4", 0.04, 3)
        print("t4 got", x)
        await asyncio.sleep(0.1)
        print("t4 step 2")
        return 3
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    x = await leaf("t5", 0.07, 20)
    print("t5 got", x)
    x = await nested("t5", 2, 0.08)
    print("t5 got", x)
    x = await leaf("t5", 0.12, 6)
    print("t5 got", x)
    return 9


async def t6():
    print("t6 start")
    await asyncio.sleep(0.04)
    print("t6 step 0")
    x = await leaf("t6", 0.01, 2)
    print("t6 got", x)
    return 6


async def t7():
    print("t7 start")
    try:
        x = await nested("t7", 2, 0.0)
        print("t7 got", x)
        await asyncio.sleep(0)
        print("t7 yielded")
        return 0
    except asyncio.CancelledError:
        print("t7 cancelled")
        raise


async def t8():
    print("t8 start")
    try:
        await asyncio.sleep(0.11)
        print("t8 step 0")
        await asyncio.sleep(0.01)
        print("t8 step 1")
        await asyncio.sleep(0)
        print("t8 yielded")
        await asyncio.sleep(0.1)
        print("t8 step 3")
        return 0
    except asyncio.CancelledError:
        print("t8 cancelled")
        raise


async def t9():
    print("t9 start")
    await asyncio.sleep(0.16)
    print("t9 step 0")
    x = await leaf("t9", 0.02, 16)
    print("t9 got", x)
    await asyncio.sleep(0.05)
    print("t9 step 2")
    return 1


async def t10():
    print("t10 start")
    try:
        await asyncio.sleep(0)
        print("t10 yielded")
        await asyncio.sleep(0.12)
        print("t10 step 1")
        raise JobError("t10 failed at step 2")
        return 2
    except asyncio.CancelledError:
        print("t10 cancelled")
        raise


async def t11():
    print("t11 start")
    x = await leaf("t11", 0.03, 3)
    print("t11 got", x)
    return 7


async def main():
    spawned = []
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t2()), asyncio.create_task(t3())]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait FIRST_COMPLETED timeout=None")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== wait FIRST_COMPLETED timeout=None")
    ts = [asyncio.create_task(t8(), name="t8"), asyncio.create_task(t9(), name="t9"), asyncio.create_task(t10(), name="t10"), asyncio.create_task(t11(), name="t11")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
