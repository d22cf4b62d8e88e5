# feature: generated asyncio program gen_0023 (generate.py seed 2026)
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
        print("t0 value so far", 75)
        await asyncio.sleep(0.06)
        print("t0 step 1")
        print("t0 value so far", 91)
        return 0
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.14)
        print("t1 step 0")
        await asyncio.sleep(0.17)
        print("t1 step 1")
        return 2
    except asyncio.CancelledError:
        print("t1 cancelled")
        return "t1 gave up"
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.04)
        print("t2 step 0")
        await asyncio.sleep(0.17)
        print("t2 step 1")
        await asyncio.sleep(0)
        print("t2 yielded")
        x = await leaf("t2", 0.09, 6)
        print("t2 got", x)
        return 6
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    x = await nested("t3", 3, 0.09)
    print("t3 got", x)
    raise JobError("t3 failed at the end")
    return 7


async def t4():
    print("t4 start")
    await asyncio.sleep(0.1)
    print("t4 step 0")
    await asyncio.sleep(0.18)
    print("t4 step 1")
    return 3


async def t5():
    print("t5 start")
    try:
        x = await leaf("t5", 0.13, 20)
        print("t5 got", x)
        await asyncio.sleep(0)
        print("t5 yielded")
        await asyncio.sleep(0)
        print("t5 yielded")
        return 8
    except asyncio.CancelledError:
        print("t5 cancelled")
        return "t5 gave up"


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.12")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.12)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== asyncio.timeout(0.13) around t1")
    try:
        async with asyncio.timeout(0.13):
            r = await t1()
        print("in time:", r)
    except TimeoutError:
        print("t1 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t2()), asyncio.create_task(t3())]
    spawned.extend(ts)
    await asyncio.sleep(0.06)
    print("cancel ts[1] ->", ts[1].cancel())
    await asyncio.sleep(0.17)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
