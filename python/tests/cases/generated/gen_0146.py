# feature: generated asyncio program gen_0146 (generate.py seed 2026)
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
    x = await leaf("t0", 0.2, 7)
    print("t0 got", x)
    await asyncio.sleep(0.16)
    print("t0 step 1")
    await asyncio.sleep(0.2)
    print("t0 step 2")
    return 8


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0)
        print("t1 yielded")
        return 6
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    await asyncio.sleep(0)
    print("t2 yielded")
    return 3


async def t3():
    print("t3 start")
    x = await leaf("t3", 0.08, 15)
    print("t3 got", x)
    return 6


async def t4():
    print("t4 start")
    try:
        x = await leaf("t4", 0.1, 7)
        print("t4 got", x)
        x = await nested("t4", 3, 0.09)
        print("t4 got", x)
        raise JobError("t4 failed at step 2")
        return 2
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    try:
        print("t5 value so far", 5)
        print("t5 value so far", 28)
        return 2
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    x = await nested("t6", 2, 0.05)
    print("t6 got", x)
    await asyncio.sleep(0.08)
    print("t6 step 1")
    await asyncio.sleep(0)
    print("t6 yielded")
    return 4


async def t7():
    print("t7 start")
    try:
        await asyncio.sleep(0.11)
        print("t7 step 0")
        return 0
    except asyncio.CancelledError:
        print("t7 cancelled")
        return "t7 gave up"


async def t8():
    print("t8 start")
    x = await leaf("t8", 0.07, 17)
    print("t8 got", x)
    return 9


async def main():
    spawned = []
    print("== wait ALL_COMPLETED timeout=None")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== wait_for t2 timeout=0.16")
    try:
        r = await asyncio.wait_for(t2(), timeout=0.16)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t2 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== as_completed")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== wait ALL_COMPLETED timeout=0.13")
    ts = [asyncio.create_task(t7(), name="t7"), asyncio.create_task(t8(), name="t8")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED, timeout=0.13)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
