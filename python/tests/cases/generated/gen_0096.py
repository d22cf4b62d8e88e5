# feature: generated asyncio program gen_0096 (generate.py seed 2026)
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
        x = await nested("t0", 3, 0.09)
        print("t0 got", x)
        x = await nested("t0", 2, 0.09)
        print("t0 got", x)
        await asyncio.sleep(0)
        print("t0 yielded")
        print("t0 value so far", 53)
        return 1
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        x = await leaf("t1", 0.0, 10)
        print("t1 got", x)
        await asyncio.sleep(0.0)
        print("t1 step 1")
        return 3
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    print("t2 value so far", 76)
    await asyncio.sleep(0)
    print("t2 yielded")
    await asyncio.sleep(0.03)
    print("t2 step 2")
    await asyncio.sleep(0.15)
    print("t2 step 3")
    return 8


async def t3():
    print("t3 start")
    try:
        x = await leaf("t3", 0.12, 2)
        print("t3 got", x)
        x = await nested("t3", 1, 0.01)
        print("t3 got", x)
        x = await leaf("t3", 0.02, 17)
        print("t3 got", x)
        await asyncio.sleep(0.11)
        print("t3 step 3")
        return 3
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    await asyncio.sleep(0.17)
    print("t4 step 0")
    return 7


async def t5():
    print("t5 start")
    raise JobError("t5 failed at step 0")
    return 2


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0.12)
        print("t6 step 0")
        x = await nested("t6", 3, 0.07)
        print("t6 got", x)
        await asyncio.sleep(0.12)
        print("t6 step 2")
        return 7
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


async def t7():
    print("t7 start")
    try:
        await asyncio.sleep(0.05)
        print("t7 step 0")
        x = await leaf("t7", 0.05, 12)
        print("t7 got", x)
        return 9
    except asyncio.CancelledError:
        print("t7 cancelled")
        return "t7 gave up"


async def t8():
    print("t8 start")
    try:
        await asyncio.sleep(0.07)
        print("t8 step 0")
        await asyncio.sleep(0.05)
        print("t8 step 1")
        return 9
    except asyncio.CancelledError:
        print("t8 cancelled")
        return "t8 gave up"
    finally:
        print("t8 finally")


async def t9():
    print("t9 start")
    try:
        await asyncio.sleep(0)
        print("t9 yielded")
        await asyncio.sleep(0.15)
        print("t9 step 1")
        return 1
    finally:
        print("t9 finally")


async def main():
    spawned = []
    print("== wait FIRST_COMPLETED timeout=None")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    await asyncio.sleep(0.02)
    print("cancel ts[2] ->", ts[2].cancel())
    await asyncio.sleep(0.05)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
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
