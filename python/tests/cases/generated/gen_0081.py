# feature: generated asyncio program gen_0081 (generate.py seed 2026)
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
    await asyncio.sleep(0)
    print("t0 yielded")
    await asyncio.sleep(0.11)
    print("t0 step 1")
    await asyncio.sleep(0.2)
    print("t0 step 2")
    raise JobError("t0 failed at step 3")
    return 3


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0)
        print("t1 yielded")
        await asyncio.sleep(0.0)
        print("t1 step 1")
        return 6
    except asyncio.CancelledError:
        print("t1 cancelled")
        return "t1 gave up"


async def t2():
    print("t2 start")
    await asyncio.sleep(0.02)
    print("t2 step 0")
    await asyncio.sleep(0)
    print("t2 yielded")
    await asyncio.sleep(0.17)
    print("t2 step 2")
    await asyncio.sleep(0.07)
    print("t2 step 3")
    return 8


async def t3():
    print("t3 start")
    await asyncio.sleep(0.2)
    print("t3 step 0")
    raise JobError("t3 failed at the end")
    return 7


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.17)
        print("t4 step 0")
        x = await nested("t4", 1, 0.05)
        print("t4 got", x)
        raise JobError("t4 failed at the end")
        return 7
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.17")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.17)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== as_completed")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
