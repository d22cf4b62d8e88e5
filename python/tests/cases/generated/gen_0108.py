# feature: generated asyncio program gen_0108 (generate.py seed 2026)
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
    await asyncio.sleep(0)
    print("t0 yielded")
    x = await nested("t0", 2, 0.01)
    print("t0 got", x)
    return 7


async def t1():
    print("t1 start")
    x = await nested("t1", 2, 0.07)
    print("t1 got", x)
    await asyncio.sleep(0.08)
    print("t1 step 1")
    await asyncio.sleep(0)
    print("t1 yielded")
    await asyncio.sleep(0.09)
    print("t1 step 3")
    return 6


async def t2():
    print("t2 start")
    try:
        x = await nested("t2", 2, 0.09)
        print("t2 got", x)
        x = await leaf("t2", 0.19, 9)
        print("t2 got", x)
        return 0
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    await asyncio.sleep(0)
    print("t3 yielded")
    await asyncio.sleep(0.09)
    print("t3 step 1")
    x = await nested("t3", 2, 0.08)
    print("t3 got", x)
    raise JobError("t3 failed at step 3")
    return 8


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0)
        print("t4 yielded")
        await asyncio.sleep(0.2)
        print("t4 step 1")
        return 1
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.2)
        print("t5 step 0")
        x = await leaf("t5", 0.19, 18)
        print("t5 got", x)
        await asyncio.sleep(0)
        print("t5 yielded")
        await asyncio.sleep(0.14)
        print("t5 step 3")
        return 1
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    try:
        x = await leaf("t6", 0.12, 1)
        print("t6 got", x)
        print("t6 value so far", 80)
        await asyncio.sleep(0.12)
        print("t6 step 2")
        return 8
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


async def t7():
    print("t7 start")
    try:
        x = await nested("t7", 3, 0.03)
        print("t7 got", x)
        return 5
    finally:
        print("t7 finally")


async def t8():
    print("t8 start")
    print("t8 value so far", 52)
    return 6


async def t9():
    print("t9 start")
    print("t9 value so far", 11)
    await asyncio.sleep(0)
    print("t9 yielded")
    await asyncio.sleep(0.05)
    print("t9 step 2")
    await asyncio.sleep(0.1)
    print("t9 step 3")
    return 5


async def t10():
    print("t10 start")
    await asyncio.sleep(0.1)
    print("t10 step 0")
    x = await nested("t10", 3, 0.04)
    print("t10 got", x)
    await asyncio.sleep(0.18)
    print("t10 step 2")
    await asyncio.sleep(0.08)
    print("t10 step 3")
    return 1


async def main():
    spawned = []
    print("== wait FIRST_COMPLETED timeout=0.15")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.15)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== asyncio.timeout(0.11) around t4")
    try:
        async with asyncio.timeout(0.11):
            r = await t4()
        print("in time:", r)
    except TimeoutError:
        print("t4 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    await asyncio.sleep(0.13)
    print("cancel ts[2] ->", ts[2].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t8(), name="t8"), asyncio.create_task(t9(), name="t9"), asyncio.create_task(t10(), name="t10")]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
