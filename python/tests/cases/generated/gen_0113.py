# feature: generated asyncio program gen_0113 (generate.py seed 2026)
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
    print("t0 value so far", 76)
    await asyncio.sleep(0.11)
    print("t0 step 1")
    await asyncio.sleep(0)
    print("t0 yielded")
    return 1


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.07)
        print("t1 step 0")
        await asyncio.sleep(0)
        print("t1 yielded")
        x = await leaf("t1", 0.08, 2)
        print("t1 got", x)
        await asyncio.sleep(0)
        print("t1 yielded")
        return 4
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    raise JobError("t2 failed at step 0")
    return 1


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.18)
        print("t3 step 0")
        await asyncio.sleep(0.03)
        print("t3 step 1")
        await asyncio.sleep(0.16)
        print("t3 step 2")
        x = await leaf("t3", 0.06, 12)
        print("t3 got", x)
        return 2
    except asyncio.CancelledError:
        print("t3 cancelled")
        return "t3 gave up"
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    await asyncio.sleep(0.02)
    print("t4 step 0")
    x = await leaf("t4", 0.09, 15)
    print("t4 got", x)
    return 2


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.06)
        print("t5 step 0")
        raise JobError("t5 failed at the end")
        return 4
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0)
        print("t6 yielded")
        await asyncio.sleep(0.12)
        print("t6 step 1")
        await asyncio.sleep(0)
        print("t6 yielded")
        await asyncio.sleep(0)
        print("t6 yielded")
        return 6
    finally:
        print("t6 finally")


async def t7():
    print("t7 start")
    x = await nested("t7", 3, 0.06)
    print("t7 got", x)
    x = await leaf("t7", 0.06, 13)
    print("t7 got", x)
    await asyncio.sleep(0.05)
    print("t7 step 2")
    x = await leaf("t7", 0.02, 4)
    print("t7 got", x)
    return 5


async def t8():
    print("t8 start")
    await asyncio.sleep(0.15)
    print("t8 step 0")
    x = await nested("t8", 1, 0.02)
    print("t8 got", x)
    await asyncio.sleep(0)
    print("t8 yielded")
    await asyncio.sleep(0)
    print("t8 yielded")
    return 5


async def t9():
    print("t9 start")
    try:
        x = await leaf("t9", 0.15, 11)
        print("t9 got", x)
        x = await leaf("t9", 0.08, 18)
        print("t9 got", x)
        await asyncio.sleep(0.13)
        print("t9 step 2")
        return 0
    finally:
        print("t9 finally")


async def main():
    spawned = []
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== as_completed")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== as_completed")
    ts = [asyncio.create_task(t8(), name="t8"), asyncio.create_task(t9(), name="t9")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
