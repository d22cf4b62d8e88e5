# feature: generated asyncio program gen_0037 (generate.py seed 2026)
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
        return 5
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.1)
        print("t1 step 0")
        x = await nested("t1", 2, 0.06)
        print("t1 got", x)
        await asyncio.sleep(0.12)
        print("t1 step 2")
        return 5
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    x = await leaf("t2", 0.11, 2)
    print("t2 got", x)
    return 4


async def t3():
    print("t3 start")
    try:
        x = await leaf("t3", 0.02, 0)
        print("t3 got", x)
        return 4
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0)
        print("t4 yielded")
        x = await leaf("t4", 0.14, 13)
        print("t4 got", x)
        return 2
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    await asyncio.sleep(0.14)
    print("t5 step 0")
    await asyncio.sleep(0.12)
    print("t5 step 1")
    return 8


async def t6():
    print("t6 start")
    try:
        x = await nested("t6", 3, 0.08)
        print("t6 got", x)
        await asyncio.sleep(0)
        print("t6 yielded")
        await asyncio.sleep(0.16)
        print("t6 step 2")
        x = await leaf("t6", 0.14, 10)
        print("t6 got", x)
        return 2
    finally:
        print("t6 finally")


async def t7():
    print("t7 start")
    x = await nested("t7", 3, 0.02)
    print("t7 got", x)
    await asyncio.sleep(0)
    print("t7 yielded")
    return 5


async def t8():
    print("t8 start")
    try:
        x = await nested("t8", 1, 0.02)
        print("t8 got", x)
        return 8
    finally:
        print("t8 finally")


async def t9():
    print("t9 start")
    try:
        await asyncio.sleep(0)
        print("t9 yielded")
        raise JobError("t9 failed at step 1")
        return 2
    finally:
        print("t9 finally")


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    await asyncio.sleep(0.18)
    print("cancel ts[3] ->", ts[3].cancel())
    await asyncio.sleep(0.09)
    print("cancel ts[2] ->", ts[2].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
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
    await asyncio.sleep(0.04)
    print("cancel ts[2] ->", ts[2].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
