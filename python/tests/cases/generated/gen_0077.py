# feature: generated asyncio program gen_0077 (generate.py seed 2026)
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
        await asyncio.sleep(0.05)
        print("t0 step 0")
        return 1
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.08)
        print("t1 step 0")
        x = await nested("t1", 3, 0.09)
        print("t1 got", x)
        await asyncio.sleep(0.08)
        print("t1 step 2")
        return 1
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.0)
        print("t2 step 0")
        await asyncio.sleep(0.15)
        print("t2 step 1")
        x = await leaf("t2", 0.0, 8)
        print("t2 got", x)
        print("t2 value so far", 54)
        return 2
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    x = await leaf("t3", 0.08, 16)
    print("t3 got", x)
    x = await leaf("t3", 0.12, 0)
    print("t3 got", x)
    raise JobError("t3 failed at the end")
    return 3


async def t4():
    print("t4 start")
    await asyncio.sleep(0)
    print("t4 yielded")
    x = await nested("t4", 1, 0.03)
    print("t4 got", x)
    await asyncio.sleep(0.09)
    print("t4 step 2")
    await asyncio.sleep(0.15)
    print("t4 step 3")
    return 0


async def t5():
    print("t5 start")
    await asyncio.sleep(0.02)
    print("t5 step 0")
    return 7


async def t6():
    print("t6 start")
    await asyncio.sleep(0.01)
    print("t6 step 0")
    return 4


async def t7():
    print("t7 start")
    x = await leaf("t7", 0.08, 2)
    print("t7 got", x)
    await asyncio.sleep(0.02)
    print("t7 step 1")
    return 9


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    await asyncio.sleep(0.0)
    print("cancel ts[2] ->", ts[2].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    await asyncio.sleep(0.04)
    print("cancel ts[0] ->", ts[0].cancel())
    await asyncio.sleep(0.09)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait_for t5 timeout=0.11")
    try:
        r = await asyncio.wait_for(t5(), timeout=0.11)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t5 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== wait ALL_COMPLETED timeout=None")
    ts = [asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
