# feature: generated asyncio program gen_0111 (generate.py seed 2026)
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
        x = await leaf("t0", 0.12, 16)
        print("t0 got", x)
        await asyncio.sleep(0)
        print("t0 yielded")
        raise JobError("t0 failed at step 2")
        return 4
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        print("t1 value so far", 71)
        await asyncio.sleep(0.05)
        print("t1 step 1")
        await asyncio.sleep(0.18)
        print("t1 step 2")
        await asyncio.sleep(0.05)
        print("t1 step 3")
        return 9
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    x = await leaf("t2", 0.1, 8)
    print("t2 got", x)
    x = await leaf("t2", 0.16, 19)
    print("t2 got", x)
    await asyncio.sleep(0.11)
    print("t2 step 2")
    return 0


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.0)
        print("t3 step 0")
        x = await nested("t3", 2, 0.1)
        print("t3 got", x)
        await asyncio.sleep(0.1)
        print("t3 step 2")
        return 8
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0)
        print("t4 yielded")
        x = await nested("t4", 1, 0.02)
        print("t4 got", x)
        print("t4 value so far", 66)
        await asyncio.sleep(0)
        print("t4 yielded")
        return 5
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    try:
        x = await nested("t5", 2, 0.02)
        print("t5 got", x)
        await asyncio.sleep(0.12)
        print("t5 step 1")
        return 5
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    await asyncio.sleep(0)
    print("t6 yielded")
    return 5


async def main():
    spawned = []
    print("== as_completed")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
