# feature: generated asyncio program gen_0057 (generate.py seed 2026)
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
    x = await nested("t0", 1, 0.1)
    print("t0 got", x)
    await asyncio.sleep(0.13)
    print("t0 step 1")
    await asyncio.sleep(0.03)
    print("t0 step 2")
    return 9


async def t1():
    print("t1 start")
    try:
        raise JobError("t1 failed at step 0")
        return 7
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.18)
        print("t2 step 0")
        await asyncio.sleep(0.17)
        print("t2 step 1")
        x = await nested("t2", 2, 0.0)
        print("t2 got", x)
        return 9
    finally:
        print("t2 finally")


async def main():
    spawned = []
    print("== asyncio.timeout(0.19) around t0")
    try:
        async with asyncio.timeout(0.19):
            r = await t0()
        print("in time:", r)
    except TimeoutError:
        print("t0 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== asyncio.timeout(0.04) around t1")
    try:
        async with asyncio.timeout(0.04):
            r = await t1()
        print("in time:", r)
    except TimeoutError:
        print("t1 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== wait_for t2 timeout=0.14")
    try:
        r = await asyncio.wait_for(t2(), timeout=0.14)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t2 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
