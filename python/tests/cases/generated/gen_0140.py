# feature: generated asyncio program gen_0140 (generate.py seed 2026)
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
    await asyncio.sleep(0.06)
    print("t0 step 0")
    raise JobError("t0 failed at step 1")
    return 1


async def t1():
    print("t1 start")
    try:
        raise JobError("t1 failed at step 0")
        return 8
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0)
        print("t2 yielded")
        return 5
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        print("t3 value so far", 1)
        x = await leaf("t3", 0.14, 13)
        print("t3 got", x)
        await asyncio.sleep(0.03)
        print("t3 step 2")
        x = await nested("t3", 3, 0.0)
        print("t3 got", x)
        return 8
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    raise JobError("t4 failed at step 0")
    return 2


async def t5():
    print("t5 start")
    try:
        x = await leaf("t5", 0.12, 18)
        print("t5 got", x)
        await asyncio.sleep(0.01)
        print("t5 step 1")
        print("t5 value so far", 27)
        await asyncio.sleep(0)
        print("t5 yielded")
        return 3
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    x = await nested("t6", 2, 0.0)
    print("t6 got", x)
    return 3


async def t7():
    print("t7 start")
    await asyncio.sleep(0.2)
    print("t7 step 0")
    await asyncio.sleep(0.02)
    print("t7 step 1")
    x = await nested("t7", 3, 0.08)
    print("t7 got", x)
    return 5


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.07")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.07)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== wait ALL_COMPLETED timeout=0.13")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED, timeout=0.13)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    await asyncio.sleep(0.15)
    print("cancel ts[0] ->", ts[0].cancel())
    await asyncio.sleep(0.15)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait FIRST_COMPLETED timeout=0.1")
    ts = [asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.1)
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
