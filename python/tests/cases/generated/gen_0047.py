# feature: generated asyncio program gen_0047 (generate.py seed 2026)
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
    print("t0 value so far", 70)
    await asyncio.sleep(0.01)
    print("t0 step 1")
    return 4


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.17)
        print("t1 step 0")
        await asyncio.sleep(0.04)
        print("t1 step 1")
        await asyncio.sleep(0.07)
        print("t1 step 2")
        return 4
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.19)
        print("t2 step 0")
        return 9
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.1)
        print("t3 step 0")
        await asyncio.sleep(0.05)
        print("t3 step 1")
        x = await leaf("t3", 0.03, 15)
        print("t3 got", x)
        await asyncio.sleep(0.08)
        print("t3 step 3")
        return 4
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    print("t4 value so far", 70)
    return 7


async def t5():
    print("t5 start")
    x = await nested("t5", 1, 0.05)
    print("t5 got", x)
    return 1


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    await asyncio.sleep(0.16)
    print("cancel ts[0] ->", ts[0].cancel())
    await asyncio.sleep(0.1)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait FIRST_COMPLETED timeout=None")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== wait_for t5 timeout=0.19")
    try:
        r = await asyncio.wait_for(t5(), timeout=0.19)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t5 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
