# feature: generated asyncio program gen_0054 (generate.py seed 2026)
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
        await asyncio.sleep(0.2)
        print("t0 step 0")
        await asyncio.sleep(0.13)
        print("t0 step 1")
        return 3
    except asyncio.CancelledError:
        print("t0 cancelled")
        return "t0 gave up"
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0)
        print("t1 yielded")
        await asyncio.sleep(0.18)
        print("t1 step 1")
        x = await leaf("t1", 0.01, 15)
        print("t1 got", x)
        await asyncio.sleep(0.08)
        print("t1 step 3")
        return 1
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    await asyncio.sleep(0.02)
    print("t2 step 0")
    await asyncio.sleep(0)
    print("t2 yielded")
    await asyncio.sleep(0.06)
    print("t2 step 2")
    return 1


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.17)
        print("t3 step 0")
        x = await leaf("t3", 0.13, 10)
        print("t3 got", x)
        x = await nested("t3", 2, 0.02)
        print("t3 got", x)
        await asyncio.sleep(0.1)
        print("t3 step 3")
        return 4
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0)
        print("t4 yielded")
        return 2
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.01")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.01)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== wait FIRST_COMPLETED timeout=0.19")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.19)
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
