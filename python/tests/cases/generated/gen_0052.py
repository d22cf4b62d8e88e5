# feature: generated asyncio program gen_0052 (generate.py seed 2026)
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
        x = await leaf("t0", 0.18, 16)
        print("t0 got", x)
        return 3
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        x = await leaf("t1", 0.1, 13)
        print("t1 got", x)
        return 4
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0)
        print("t2 yielded")
        await asyncio.sleep(0.05)
        print("t2 step 1")
        await asyncio.sleep(0.16)
        print("t2 step 2")
        print("t2 value so far", 30)
        return 4
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    await asyncio.sleep(0.04)
    print("t3 step 0")
    await asyncio.sleep(0.12)
    print("t3 step 1")
    await asyncio.sleep(0.11)
    print("t3 step 2")
    await asyncio.sleep(0.02)
    print("t3 step 3")
    return 1


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.17)
        print("t4 step 0")
        return 6
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    try:
        x = await leaf("t5", 0.1, 7)
        print("t5 got", x)
        await asyncio.sleep(0.11)
        print("t5 step 1")
        await asyncio.sleep(0.13)
        print("t5 step 2")
        return 3
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    try:
        x = await leaf("t6", 0.09, 16)
        print("t6 got", x)
        await asyncio.sleep(0.09)
        print("t6 step 1")
        return 4
    finally:
        print("t6 finally")


async def t7():
    print("t7 start")
    try:
        await asyncio.sleep(0.06)
        print("t7 step 0")
        await asyncio.sleep(0.03)
        print("t7 step 1")
        await asyncio.sleep(0.19)
        print("t7 step 2")
        await asyncio.sleep(0.07)
        print("t7 step 3")
        raise JobError("t7 failed at the end")
        return 6
    except asyncio.CancelledError:
        print("t7 cancelled")
        return "t7 gave up"


async def t8():
    print("t8 start")
    try:
        await asyncio.sleep(0)
        print("t8 yielded")
        print("t8 value so far", 47)
        raise JobError("t8 failed at step 2")
        return 4
    except asyncio.CancelledError:
        print("t8 cancelled")
        raise


async def t9():
    print("t9 start")
    try:
        x = await leaf("t9", 0.16, 12)
        print("t9 got", x)
        await asyncio.sleep(0.09)
        print("t9 step 1")
        await asyncio.sleep(0.19)
        print("t9 step 2")
        print("t9 value so far", 60)
        return 9
    except asyncio.CancelledError:
        print("t9 cancelled")
        raise
    finally:
        print("t9 finally")


async def t10():
    print("t10 start")
    await asyncio.sleep(0)
    print("t10 yielded")
    return 2


async def main():
    spawned = []
    print("== wait FIRST_EXCEPTION timeout=0.07")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION, timeout=0.07)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    await asyncio.sleep(0.17)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    await asyncio.sleep(0.18)
    print("cancel ts[0] ->", ts[0].cancel())
    await asyncio.sleep(0.15)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait FIRST_COMPLETED timeout=0.05")
    ts = [asyncio.create_task(t7(), name="t7"), asyncio.create_task(t8(), name="t8"), asyncio.create_task(t9(), name="t9"), asyncio.create_task(t10(), name="t10")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.05)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
