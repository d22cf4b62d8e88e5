# feature: generated asyncio program gen_0013 (generate.py seed 2026)
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
        x = await leaf("t0", 0.0, 2)
        print("t0 got", x)
        await asyncio.sleep(0.15)
        print("t0 step 1")
        await asyncio.sleep(0.01)
        print("t0 step 2")
        raise JobError("t0 failed at the end")
        return 0
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    x = await nested("t1", 2, 0.02)
    print("t1 got", x)
    await asyncio.sleep(0)
    print("t1 yielded")
    await asyncio.sleep(0.14)
    print("t1 step 2")
    await asyncio.sleep(0.16)
    print("t1 step 3")
    return 3


async def t2():
    print("t2 start")
    try:
        x = await nested("t2", 2, 0.02)
        print("t2 got", x)
        x = await leaf("t2", 0.2, 6)
        print("t2 got", x)
        x = await leaf("t2", 0.2, 4)
        print("t2 got", x)
        await asyncio.sleep(0.0)
        print("t2 step 3")
        raise JobError("t2 failed at the end")
        return 0
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    await asyncio.sleep(0.13)
    print("t3 step 0")
    await asyncio.sleep(0.11)
    print("t3 step 1")
    x = await nested("t3", 2, 0.04)
    print("t3 got", x)
    return 2


async def main():
    spawned = []
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait_for t3 timeout=0.09")
    try:
        r = await asyncio.wait_for(t3(), timeout=0.09)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t3 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
