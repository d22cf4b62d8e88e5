# feature: generated asyncio program gen_0028 (generate.py seed 2026)
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
        x = await nested("t0", 3, 0.04)
        print("t0 got", x)
        await asyncio.sleep(0.06)
        print("t0 step 1")
        x = await nested("t0", 1, 0.09)
        print("t0 got", x)
        return 1
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        x = await nested("t1", 3, 0.09)
        print("t1 got", x)
        await asyncio.sleep(0.03)
        print("t1 step 1")
        return 2
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    x = await nested("t2", 1, 0.0)
    print("t2 got", x)
    x = await leaf("t2", 0.06, 6)
    print("t2 got", x)
    print("t2 value so far", 47)
    await asyncio.sleep(0.0)
    print("t2 step 3")
    return 0


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.17)
        print("t3 step 0")
        print("t3 value so far", 82)
        x = await leaf("t3", 0.0, 3)
        print("t3 got", x)
        return 8
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    raise JobError("t4 failed at step 0")
    return 3


async def t5():
    print("t5 start")
    try:
        x = await leaf("t5", 0.17, 16)
        print("t5 got", x)
        await asyncio.sleep(0.19)
        print("t5 step 1")
        return 7
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    try:
        x = await leaf("t6", 0.13, 14)
        print("t6 got", x)
        return 7
    except asyncio.CancelledError:
        print("t6 cancelled")
        return "t6 gave up"


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.15")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.15)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== shield t5 with wait_for timeout=0.18")
    inner = asyncio.create_task(t5(), name="t5")
    spawned.append(inner)
    try:
        r = await asyncio.wait_for(asyncio.shield(inner), timeout=0.18)
        print("shielded result", r)
    except TimeoutError:
        print("timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())
    except JobError as exc:
        print("shielded task failed:", exc)
    print("== wait_for t6 timeout=0.13")
    try:
        r = await asyncio.wait_for(t6(), timeout=0.13)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t6 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
