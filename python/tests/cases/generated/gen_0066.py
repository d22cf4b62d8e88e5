# feature: generated asyncio program gen_0066 (generate.py seed 2026)
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
        await asyncio.sleep(0.07)
        print("t0 step 0")
        x = await leaf("t0", 0.16, 19)
        print("t0 got", x)
        await asyncio.sleep(0.06)
        print("t0 step 2")
        x = await leaf("t0", 0.16, 10)
        print("t0 got", x)
        return 2
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    print("t1 value so far", 68)
    await asyncio.sleep(0)
    print("t1 yielded")
    await asyncio.sleep(0.09)
    print("t1 step 2")
    print("t1 value so far", 81)
    return 8


async def t2():
    print("t2 start")
    try:
        x = await leaf("t2", 0.19, 3)
        print("t2 got", x)
        await asyncio.sleep(0)
        print("t2 yielded")
        raise JobError("t2 failed at the end")
        return 3
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0)
        print("t3 yielded")
        print("t3 value so far", 97)
        await asyncio.sleep(0.14)
        print("t3 step 2")
        raise JobError("t3 failed at step 3")
        return 0
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        raise JobError("t4 failed at step 0")
        return 6
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.0)
        print("t5 step 0")
        x = await leaf("t5", 0.17, 6)
        print("t5 got", x)
        await asyncio.sleep(0.13)
        print("t5 step 2")
        return 3
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    await asyncio.sleep(0.02)
    print("t6 step 0")
    await asyncio.sleep(0)
    print("t6 yielded")
    x = await leaf("t6", 0.16, 18)
    print("t6 got", x)
    await asyncio.sleep(0.0)
    print("t6 step 3")
    return 3


async def t7():
    print("t7 start")
    try:
        x = await nested("t7", 1, 0.01)
        print("t7 got", x)
        await asyncio.sleep(0.15)
        print("t7 step 1")
        x = await nested("t7", 1, 0.1)
        print("t7 got", x)
        return 2
    except asyncio.CancelledError:
        print("t7 cancelled")
        raise


async def t8():
    print("t8 start")
    await asyncio.sleep(0.1)
    print("t8 step 0")
    return 7


async def t9():
    print("t9 start")
    await asyncio.sleep(0.16)
    print("t9 step 0")
    await asyncio.sleep(0.02)
    print("t9 step 1")
    await asyncio.sleep(0.13)
    print("t9 step 2")
    print("t9 value so far", 58)
    return 8


async def t10():
    print("t10 start")
    await asyncio.sleep(0.12)
    print("t10 step 0")
    x = await nested("t10", 2, 0.1)
    print("t10 got", x)
    x = await leaf("t10", 0.04, 2)
    print("t10 got", x)
    await asyncio.sleep(0.09)
    print("t10 step 3")
    return 2


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.2")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.2)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait ALL_COMPLETED timeout=None")
    ts = [asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t8()), asyncio.create_task(t9()), asyncio.create_task(t10())]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
