# feature: generated asyncio program gen_0001 (generate.py seed 2026)
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
        await asyncio.sleep(0)
        print("t0 yielded")
        await asyncio.sleep(0.08)
        print("t0 step 1")
        x = await nested("t0", 3, 0.08)
        print("t0 got", x)
        return 6
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        raise JobError("t1 failed at step 0")
        return 4
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        raise JobError("t2 failed at step 0")
        return 9
    except asyncio.CancelledError:
        print("t2 cancelled")
        return "t2 gave up"


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.0)
        print("t3 step 0")
        return 2
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    try:
        print("t4 value so far", 89)
        await asyncio.sleep(0.0)
        print("t4 step 1")
        await asyncio.sleep(0.05)
        print("t4 step 2")
        x = await leaf("t4", 0.08, 4)
        print("t4 got", x)
        return 5
    finally:
        print("t4 finally")


async def main():
    spawned = []
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== asyncio.timeout(0.11) around t4")
    try:
        async with asyncio.timeout(0.11):
            r = await t4()
        print("in time:", r)
    except TimeoutError:
        print("t4 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
