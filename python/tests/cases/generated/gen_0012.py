# feature: generated asyncio program gen_0012 (generate.py seed 2026)
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
        print("t0 value so far", 75)
        raise JobError("t0 failed at the end")
        return 0
    except asyncio.CancelledError:
        print("t0 cancelled")
        return "t0 gave up"


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.02)
        print("t1 step 0")
        raise JobError("t1 failed at step 1")
        return 4
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        print("t2 value so far", 99)
        await asyncio.sleep(0.01)
        print("t2 step 1")
        await asyncio.sleep(0.06)
        print("t2 step 2")
        await asyncio.sleep(0.11)
        print("t2 step 3")
        return 5
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    x = await nested("t3", 2, 0.06)
    print("t3 got", x)
    await asyncio.sleep(0.1)
    print("t3 step 1")
    x = await leaf("t3", 0.1, 15)
    print("t3 got", x)
    return 7


async def t4():
    print("t4 start")
    try:
        x = await nested("t4", 1, 0.01)
        print("t4 got", x)
        await asyncio.sleep(0.03)
        print("t4 step 1")
        x = await nested("t4", 2, 0.01)
        print("t4 got", x)
        return 9
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    x = await leaf("t5", 0.05, 4)
    print("t5 got", x)
    print("t5 value so far", 56)
    await asyncio.sleep(0)
    print("t5 yielded")
    return 0


async def t6():
    print("t6 start")
    await asyncio.sleep(0.02)
    print("t6 step 0")
    return 2


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.1")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.1)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== as_completed")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== shield t5 with wait_for timeout=0.04")
    inner = asyncio.create_task(t5(), name="t5")
    spawned.append(inner)
    try:
        r = await asyncio.wait_for(asyncio.shield(inner), timeout=0.04)
        print("shielded result", r)
    except TimeoutError:
        print("timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())
    except JobError as exc:
        print("shielded task failed:", exc)
    print("== asyncio.timeout(0.01) around t6")
    try:
        async with asyncio.timeout(0.01):
            r = await t6()
        print("in time:", r)
    except TimeoutError:
        print("t6 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
