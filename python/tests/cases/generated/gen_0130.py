# feature: generated asyncio program gen_0130 (generate.py seed 2026)
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
        await asyncio.sleep(0.11)
        print("t0 step 0")
        await asyncio.sleep(0.18)
        print("t0 step 1")
        await asyncio.sleep(0)
        print("t0 yielded")
        return 1
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.17)
        print("t1 step 0")
        x = await nested("t1", 3, 0.09)
        print("t1 got", x)
        await asyncio.sleep(0.03)
        print("t1 step 2")
        return 5
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        x = await nested("t2", 1, 0.01)
        print("t2 got", x)
        await asyncio.sleep(0)
        print("t2 yielded")
        await asyncio.sleep(0.0)
        print("t2 step 2")
        x = await leaf("t2", 0.07, 16)
        print("t2 got", x)
        return 9
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    raise JobError("t3 failed at step 0")
    return 2


async def t4():
    print("t4 start")
    try:
        x = await leaf("t4", 0.12, 18)
        print("t4 got", x)
        await asyncio.sleep(0.19)
        print("t4 step 1")
        print("t4 value so far", 90)
        x = await leaf("t4", 0.09, 14)
        print("t4 got", x)
        return 4
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    print("t5 value so far", 42)
    return 9


async def t6():
    print("t6 start")
    try:
        x = await nested("t6", 3, 0.08)
        print("t6 got", x)
        await asyncio.sleep(0.08)
        print("t6 step 1")
        print("t6 value so far", 91)
        raise JobError("t6 failed at step 3")
        return 1
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


async def t7():
    print("t7 start")
    raise JobError("t7 failed at step 0")
    return 5


async def t8():
    print("t8 start")
    try:
        await asyncio.sleep(0.05)
        print("t8 step 0")
        x = await nested("t8", 1, 0.1)
        print("t8 got", x)
        await asyncio.sleep(0.05)
        print("t8 step 2")
        await asyncio.sleep(0.17)
        print("t8 step 3")
        return 0
    except asyncio.CancelledError:
        print("t8 cancelled")
        raise


async def t9():
    print("t9 start")
    try:
        await asyncio.sleep(0)
        print("t9 yielded")
        return 5
    except asyncio.CancelledError:
        print("t9 cancelled")
        return "t9 gave up"
    finally:
        print("t9 finally")


async def main():
    spawned = []
    print("== asyncio.timeout(0.04) around t0")
    try:
        async with asyncio.timeout(0.04):
            r = await t0()
        print("in time:", r)
    except TimeoutError:
        print("t0 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== as_completed")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5")]
    spawned.extend(ts)
    await asyncio.sleep(0.06)
    print("cancel ts[0] ->", ts[0].cancel())
    await asyncio.sleep(0.2)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t6()), asyncio.create_task(t7()), asyncio.create_task(t8()), asyncio.create_task(t9())]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
