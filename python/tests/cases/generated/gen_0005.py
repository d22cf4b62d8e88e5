# feature: generated asyncio program gen_0005 (generate.py seed 2026)
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
    await asyncio.sleep(0.2)
    print("t0 step 0")
    raise JobError("t0 failed at the end")
    return 6


async def t1():
    print("t1 start")
    print("t1 value so far", 22)
    return 1


async def t2():
    print("t2 start")
    await asyncio.sleep(0.18)
    print("t2 step 0")
    x = await leaf("t2", 0.16, 9)
    print("t2 got", x)
    await asyncio.sleep(0)
    print("t2 yielded")
    await asyncio.sleep(0.17)
    print("t2 step 3")
    return 8


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.2)
        print("t3 step 0")
        await asyncio.sleep(0.0)
        print("t3 step 1")
        raise JobError("t3 failed at the end")
        return 7
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.02)
        print("t4 step 0")
        await asyncio.sleep(0.05)
        print("t4 step 1")
        return 9
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    try:
        x = await leaf("t5", 0.14, 13)
        print("t5 got", x)
        raise JobError("t5 failed at step 1")
        return 2
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


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
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5")]
    spawned.extend(ts)
    await asyncio.sleep(0.14)
    print("cancel ts[2] ->", ts[2].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
