# feature: generated asyncio program gen_0002 (generate.py seed 2026)
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
        await asyncio.sleep(0.01)
        print("t0 step 0")
        await asyncio.sleep(0.13)
        print("t0 step 1")
        return 9
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    await asyncio.sleep(0.06)
    print("t1 step 0")
    await asyncio.sleep(0)
    print("t1 yielded")
    raise JobError("t1 failed at the end")
    return 1


async def t2():
    print("t2 start")
    try:
        print("t2 value so far", 45)
        raise JobError("t2 failed at the end")
        return 8
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.15)
        print("t3 step 0")
        raise JobError("t3 failed at the end")
        return 6
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.12)
        print("t4 step 0")
        await asyncio.sleep(0.03)
        print("t4 step 1")
        await asyncio.sleep(0.05)
        print("t4 step 2")
        raise JobError("t4 failed at the end")
        return 0
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    raise JobError("t5 failed at step 0")
    return 8


async def t6():
    print("t6 start")
    print("t6 value so far", 12)
    await asyncio.sleep(0)
    print("t6 yielded")
    return 8


async def t7():
    print("t7 start")
    await asyncio.sleep(0.08)
    print("t7 step 0")
    x = await leaf("t7", 0.01, 3)
    print("t7 got", x)
    x = await leaf("t7", 0.16, 4)
    print("t7 got", x)
    return 9


async def t8():
    print("t8 start")
    try:
        raise JobError("t8 failed at step 0")
        return 8
    finally:
        print("t8 finally")


async def main():
    spawned = []
    print("== as_completed")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== wait ALL_COMPLETED timeout=None")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7"), asyncio.create_task(t8(), name="t8")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
