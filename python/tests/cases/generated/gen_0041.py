# feature: generated asyncio program gen_0041 (generate.py seed 2026)
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
        await asyncio.sleep(0.05)
        print("t0 step 1")
        return 2
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    x = await nested("t1", 1, 0.02)
    print("t1 got", x)
    x = await leaf("t1", 0.14, 13)
    print("t1 got", x)
    await asyncio.sleep(0.2)
    print("t1 step 2")
    print("t1 value so far", 8)
    return 4


async def t2():
    print("t2 start")
    await asyncio.sleep(0.15)
    print("t2 step 0")
    x = await leaf("t2", 0.02, 8)
    print("t2 got", x)
    x = await nested("t2", 2, 0.04)
    print("t2 got", x)
    return 8


async def t3():
    print("t3 start")
    try:
        x = await leaf("t3", 0.06, 12)
        print("t3 got", x)
        x = await leaf("t3", 0.16, 3)
        print("t3 got", x)
        await asyncio.sleep(0.05)
        print("t3 step 2")
        await asyncio.sleep(0.03)
        print("t3 step 3")
        return 2
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    x = await leaf("t4", 0.0, 7)
    print("t4 got", x)
    x = await nested("t4", 3, 0.02)
    print("t4 got", x)
    return 8


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.14)
        print("t5 step 0")
        await asyncio.sleep(0.12)
        print("t5 step 1")
        x = await nested("t5", 1, 0.04)
        print("t5 got", x)
        return 4
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    try:
        x = await nested("t6", 3, 0.08)
        print("t6 got", x)
        raise JobError("t6 failed at the end")
        return 7
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise
    finally:
        print("t6 finally")


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.04")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.04)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== wait ALL_COMPLETED timeout=None")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
