# feature: generated asyncio program gen_0139 (generate.py seed 2026)
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
    x = await nested("t0", 2, 0.05)
    print("t0 got", x)
    await asyncio.sleep(0.05)
    print("t0 step 1")
    await asyncio.sleep(0.04)
    print("t0 step 2")
    await asyncio.sleep(0.04)
    print("t0 step 3")
    return 2


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.1)
        print("t1 step 0")
        return 4
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    try:
        x = await nested("t2", 2, 0.04)
        print("t2 got", x)
        raise JobError("t2 failed at step 1")
        return 7
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    await asyncio.sleep(0)
    print("t3 yielded")
    return 1


async def t4():
    print("t4 start")
    try:
        raise JobError("t4 failed at step 0")
        return 3
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0)
        print("t5 yielded")
        await asyncio.sleep(0.15)
        print("t5 step 1")
        x = await nested("t5", 2, 0.1)
        print("t5 got", x)
        return 6
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    await asyncio.sleep(0.12)
    print("t6 step 0")
    return 6


async def t7():
    print("t7 start")
    try:
        await asyncio.sleep(0.01)
        print("t7 step 0")
        await asyncio.sleep(0.15)
        print("t7 step 1")
        x = await leaf("t7", 0.12, 20)
        print("t7 got", x)
        await asyncio.sleep(0)
        print("t7 yielded")
        raise JobError("t7 failed at the end")
        return 9
    finally:
        print("t7 finally")


async def t8():
    print("t8 start")
    try:
        print("t8 value so far", 32)
        raise JobError("t8 failed at step 1")
        return 5
    except asyncio.CancelledError:
        print("t8 cancelled")
        raise


async def t9():
    print("t9 start")
    try:
        print("t9 value so far", 63)
        return 0
    except asyncio.CancelledError:
        print("t9 cancelled")
        raise


async def main():
    spawned = []
    print("== wait ALL_COMPLETED timeout=0.09")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED, timeout=0.09)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t2()), asyncio.create_task(t3()), asyncio.create_task(t4()), asyncio.create_task(t5())]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    print("== wait FIRST_COMPLETED timeout=None")
    ts = [asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7"), asyncio.create_task(t8(), name="t8"), asyncio.create_task(t9(), name="t9")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
