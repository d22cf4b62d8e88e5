# feature: generated asyncio program gen_0124 (generate.py seed 2026)
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
    print("t0 value so far", 60)
    x = await nested("t0", 1, 0.05)
    print("t0 got", x)
    await asyncio.sleep(0.05)
    print("t0 step 2")
    return 1


async def t1():
    print("t1 start")
    await asyncio.sleep(0.1)
    print("t1 step 0")
    x = await nested("t1", 1, 0.03)
    print("t1 got", x)
    return 4


async def t2():
    print("t2 start")
    try:
        x = await leaf("t2", 0.14, 13)
        print("t2 got", x)
        x = await nested("t2", 3, 0.07)
        print("t2 got", x)
        await asyncio.sleep(0.09)
        print("t2 step 2")
        await asyncio.sleep(0.19)
        print("t2 step 3")
        return 5
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    raise JobError("t3 failed at step 0")
    return 9


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.02)
        print("t4 step 0")
        await asyncio.sleep(0.07)
        print("t4 step 1")
        await asyncio.sleep(0)
        print("t4 yielded")
        return 5
    except asyncio.CancelledError:
        print("t4 cancelled")
        return "t4 gave up"
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    await asyncio.sleep(0)
    print("t5 yielded")
    raise JobError("t5 failed at the end")
    return 0


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0.06)
        print("t6 step 0")
        await asyncio.sleep(0.0)
        print("t6 step 1")
        x = await leaf("t6", 0.18, 15)
        print("t6 got", x)
        await asyncio.sleep(0.17)
        print("t6 step 3")
        return 6
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise
    finally:
        print("t6 finally")


async def main():
    spawned = []
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t0()), asyncio.create_task(t1())]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== asyncio.timeout(0.03) around t4")
    try:
        async with asyncio.timeout(0.03):
            r = await t4()
        print("in time:", r)
    except TimeoutError:
        print("t4 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== wait ALL_COMPLETED timeout=0.12")
    ts = [asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED, timeout=0.12)
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
