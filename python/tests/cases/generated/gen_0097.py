# feature: generated asyncio program gen_0097 (generate.py seed 2026)
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
    await asyncio.sleep(0.1)
    print("t0 step 0")
    return 0


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0)
        print("t1 yielded")
        print("t1 value so far", 22)
        return 0
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0)
        print("t2 yielded")
        await asyncio.sleep(0.0)
        print("t2 step 1")
        x = await leaf("t2", 0.2, 18)
        print("t2 got", x)
        await asyncio.sleep(0)
        print("t2 yielded")
        raise JobError("t2 failed at the end")
        return 0
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        print("t3 value so far", 43)
        await asyncio.sleep(0.05)
        print("t3 step 1")
        return 3
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        raise JobError("t4 failed at step 0")
        return 2
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    print("t5 value so far", 87)
    await asyncio.sleep(0.04)
    print("t5 step 1")
    await asyncio.sleep(0.1)
    print("t5 step 2")
    await asyncio.sleep(0.14)
    print("t5 step 3")
    return 6


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0.0)
        print("t6 step 0")
        await asyncio.sleep(0)
        print("t6 yielded")
        x = await leaf("t6", 0.01, 1)
        print("t6 got", x)
        await asyncio.sleep(0.15)
        print("t6 step 3")
        return 0
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


async def t7():
    print("t7 start")
    try:
        print("t7 value so far", 35)
        await asyncio.sleep(0)
        print("t7 yielded")
        return 2
    except asyncio.CancelledError:
        print("t7 cancelled")
        raise


async def main():
    spawned = []
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t4()), asyncio.create_task(t5()), asyncio.create_task(t6()), asyncio.create_task(t7())]
    spawned.extend(ts)
    await asyncio.sleep(0.02)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
