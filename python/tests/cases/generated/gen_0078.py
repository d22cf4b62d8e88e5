# feature: generated asyncio program gen_0078 (generate.py seed 2026)
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
        await asyncio.sleep(0.11)
        print("t0 step 0")
        await asyncio.sleep(0)
        print("t0 yielded")
        await asyncio.sleep(0.0)
        print("t0 step 2")
        return 4
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    await asyncio.sleep(0.09)
    print("t1 step 0")
    await asyncio.sleep(0.09)
    print("t1 step 1")
    await asyncio.sleep(0.05)
    print("t1 step 2")
    await asyncio.sleep(0.17)
    print("t1 step 3")
    return 7


async def t2():
    print("t2 start")
    await asyncio.sleep(0.09)
    print("t2 step 0")
    x = await nested("t2", 3, 0.01)
    print("t2 got", x)
    raise JobError("t2 failed at the end")
    return 9


async def t3():
    print("t3 start")
    await asyncio.sleep(0.11)
    print("t3 step 0")
    x = await leaf("t3", 0.14, 3)
    print("t3 got", x)
    return 9


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.16)
        print("t4 step 0")
        x = await leaf("t4", 0.18, 12)
        print("t4 got", x)
        await asyncio.sleep(0.2)
        print("t4 step 2")
        await asyncio.sleep(0.04)
        print("t4 step 3")
        return 7
    except asyncio.CancelledError:
        print("t4 cancelled")
        return "t4 gave up"


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.04)
        print("t5 step 0")
        return 1
    finally:
        print("t5 finally")


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.0")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.0)
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
    print("running t5 unguarded")
    await failing(t5)


asyncio.run(main())
