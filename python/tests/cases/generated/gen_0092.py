# feature: generated asyncio program gen_0092 (generate.py seed 2026)
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
        await asyncio.sleep(0.02)
        print("t0 step 0")
        await asyncio.sleep(0.02)
        print("t0 step 1")
        x = await nested("t0", 2, 0.0)
        print("t0 got", x)
        return 2
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    x = await leaf("t1", 0.17, 0)
    print("t1 got", x)
    raise JobError("t1 failed at step 1")
    return 4


async def t2():
    print("t2 start")
    raise JobError("t2 failed at step 0")
    return 1


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.09)
        print("t3 step 0")
        await asyncio.sleep(0.08)
        print("t3 step 1")
        x = await leaf("t3", 0.16, 9)
        print("t3 got", x)
        return 1
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.18")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.18)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
