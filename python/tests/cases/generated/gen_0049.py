# feature: generated asyncio program gen_0049 (generate.py seed 2026)
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
        raise JobError("t0 failed at step 0")
        return 7
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        x = await leaf("t1", 0.1, 17)
        print("t1 got", x)
        await asyncio.sleep(0.09)
        print("t1 step 1")
        return 5
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.16)
        print("t2 step 0")
        return 6
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.15)
        print("t3 step 0")
        x = await leaf("t3", 0.07, 15)
        print("t3 got", x)
        await asyncio.sleep(0)
        print("t3 yielded")
        await asyncio.sleep(0.09)
        print("t3 step 3")
        return 4
    except asyncio.CancelledError:
        print("t3 cancelled")
        return "t3 gave up"
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    raise JobError("t4 failed at step 0")
    return 6


async def t5():
    print("t5 start")
    raise JobError("t5 failed at step 0")
    return 5


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0.15)
        print("t6 step 0")
        x = await leaf("t6", 0.03, 13)
        print("t6 got", x)
        await asyncio.sleep(0)
        print("t6 yielded")
        await asyncio.sleep(0.14)
        print("t6 step 3")
        return 3
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


async def t7():
    print("t7 start")
    await asyncio.sleep(0.19)
    print("t7 step 0")
    raise JobError("t7 failed at step 1")
    return 5


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.19")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.19)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== as_completed")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    print("== as_completed")
    ts = [asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
