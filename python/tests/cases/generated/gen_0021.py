# feature: generated asyncio program gen_0021 (generate.py seed 2026)
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
        return 8
    except asyncio.CancelledError:
        print("t0 cancelled")
        return "t0 gave up"


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.04)
        print("t1 step 0")
        return 3
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    raise JobError("t2 failed at step 0")
    return 2


async def t3():
    print("t3 start")
    try:
        x = await nested("t3", 3, 0.02)
        print("t3 got", x)
        x = await leaf("t3", 0.2, 15)
        print("t3 got", x)
        x = await nested("t3", 2, 0.09)
        print("t3 got", x)
        return 8
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    await asyncio.sleep(0.08)
    print("t4 step 0")
    await asyncio.sleep(0)
    print("t4 yielded")
    return 1


async def t5():
    print("t5 start")
    await asyncio.sleep(0.13)
    print("t5 step 0")
    x = await leaf("t5", 0.05, 3)
    print("t5 got", x)
    await asyncio.sleep(0.1)
    print("t5 step 2")
    return 1


async def t6():
    print("t6 start")
    await asyncio.sleep(0)
    print("t6 yielded")
    await asyncio.sleep(0.03)
    print("t6 step 1")
    x = await nested("t6", 1, 0.03)
    print("t6 got", x)
    return 3


async def t7():
    print("t7 start")
    await asyncio.sleep(0)
    print("t7 yielded")
    x = await leaf("t7", 0.16, 4)
    print("t7 got", x)
    x = await nested("t7", 3, 0.08)
    print("t7 got", x)
    return 8


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    await asyncio.sleep(0.04)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait_for t3 timeout=0.02")
    try:
        r = await asyncio.wait_for(t3(), timeout=0.02)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t3 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t4()), asyncio.create_task(t5()), asyncio.create_task(t6()), asyncio.create_task(t7())]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
