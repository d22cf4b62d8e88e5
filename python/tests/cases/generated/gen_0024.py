# feature: generated asyncio program gen_0024 (generate.py seed 2026)
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
    x = await leaf("t0", 0.05, 18)
    print("t0 got", x)
    raise JobError("t0 failed at step 1")
    return 2


async def t1():
    print("t1 start")
    print("t1 value so far", 59)
    return 8


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.14)
        print("t2 step 0")
        await asyncio.sleep(0)
        print("t2 yielded")
        await asyncio.sleep(0.06)
        print("t2 step 2")
        return 7
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    x = await leaf("t3", 0.18, 18)
    print("t3 got", x)
    await asyncio.sleep(0.2)
    print("t3 step 1")
    await asyncio.sleep(0.19)
    print("t3 step 2")
    raise JobError("t3 failed at step 3")
    return 8


async def t4():
    print("t4 start")
    await asyncio.sleep(0.03)
    print("t4 step 0")
    return 6


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.02)
        print("t5 step 0")
        return 5
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    await asyncio.sleep(0.17)
    print("t6 step 0")
    return 9


async def t7():
    print("t7 start")
    try:
        await asyncio.sleep(0)
        print("t7 yielded")
        await asyncio.sleep(0.19)
        print("t7 step 1")
        return 7
    except asyncio.CancelledError:
        print("t7 cancelled")
        raise


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    await asyncio.sleep(0.15)
    print("cancel ts[0] ->", ts[0].cancel())
    await asyncio.sleep(0.13)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== asyncio.timeout(0.11) around t5")
    try:
        async with asyncio.timeout(0.11):
            r = await t5()
        print("in time:", r)
    except TimeoutError:
        print("t5 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t6()), asyncio.create_task(t7())]
    spawned.extend(ts)
    await asyncio.sleep(0.09)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
