# feature: generated asyncio program gen_0056 (generate.py seed 2026)
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
        await asyncio.sleep(0.05)
        print("t0 step 0")
        await asyncio.sleep(0.15)
        print("t0 step 1")
        print("t0 value so far", 13)
        await asyncio.sleep(0)
        print("t0 yielded")
        return 9
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        raise JobError("t1 failed at step 0")
        return 3
    except asyncio.CancelledError:
        print("t1 cancelled")
        return "t1 gave up"


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.17)
        print("t2 step 0")
        x = await nested("t2", 2, 0.08)
        print("t2 got", x)
        return 1
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.11)
        print("t3 step 0")
        await asyncio.sleep(0.05)
        print("t3 step 1")
        await asyncio.sleep(0.01)
        print("t3 step 2")
        return 0
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        x = await leaf("t4", 0.03, 16)
        print("t4 got", x)
        await asyncio.sleep(0.02)
        print("t4 step 1")
        return 0
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.18)
        print("t5 step 0")
        await asyncio.sleep(0.0)
        print("t5 step 1")
        await asyncio.sleep(0.01)
        print("t5 step 2")
        return 6
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    await asyncio.sleep(0.17)
    print("t6 step 0")
    x = await leaf("t6", 0.1, 13)
    print("t6 got", x)
    return 0


async def t7():
    print("t7 start")
    try:
        x = await leaf("t7", 0.05, 4)
        print("t7 got", x)
        await asyncio.sleep(0)
        print("t7 yielded")
        x = await leaf("t7", 0.03, 15)
        print("t7 got", x)
        return 2
    except asyncio.CancelledError:
        print("t7 cancelled")
        raise
    finally:
        print("t7 finally")


async def t8():
    print("t8 start")
    try:
        x = await leaf("t8", 0.05, 5)
        print("t8 got", x)
        await asyncio.sleep(0.02)
        print("t8 step 1")
        print("t8 value so far", 32)
        return 3
    finally:
        print("t8 finally")


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    await asyncio.sleep(0.08)
    print("cancel ts[2] ->", ts[2].cancel())
    await asyncio.sleep(0.09)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait ALL_COMPLETED timeout=None")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
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
    ts = [asyncio.create_task(t7()), asyncio.create_task(t8())]
    spawned.extend(ts)
    await asyncio.sleep(0.04)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
