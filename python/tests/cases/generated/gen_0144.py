# feature: generated asyncio program gen_0144 (generate.py seed 2026)
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
    await asyncio.sleep(0.03)
    print("t0 step 0")
    await asyncio.sleep(0.15)
    print("t0 step 1")
    x = await nested("t0", 3, 0.03)
    print("t0 got", x)
    raise JobError("t0 failed at the end")
    return 1


async def t1():
    print("t1 start")
    try:
        x = await leaf("t1", 0.08, 12)
        print("t1 got", x)
        await asyncio.sleep(0.08)
        print("t1 step 1")
        raise JobError("t1 failed at the end")
        return 7
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        x = await leaf("t2", 0.08, 14)
        print("t2 got", x)
        x = await nested("t2", 3, 0.02)
        print("t2 got", x)
        return 2
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        raise JobError("t3 failed at step 0")
        return 5
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        print("t4 value so far", 75)
        await asyncio.sleep(0)
        print("t4 yielded")
        await asyncio.sleep(0.13)
        print("t4 step 2")
        raise JobError("t4 failed at the end")
        return 0
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0)
        print("t5 yielded")
        return 2
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== wait FIRST_COMPLETED timeout=0.09")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.09)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== wait_for t2 timeout=0.12")
    try:
        r = await asyncio.wait_for(t2(), timeout=0.12)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t2 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== wait ALL_COMPLETED timeout=None")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t5 unguarded")
    await failing(t5)


asyncio.run(main())
