# feature: generated asyncio program gen_0042 (generate.py seed 2026)
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
        await asyncio.sleep(0.15)
        print("t0 step 0")
        await asyncio.sleep(0.11)
        print("t0 step 1")
        x = await leaf("t0", 0.16, 1)
        print("t0 got", x)
        return 0
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    await asyncio.sleep(0.08)
    print("t1 step 0")
    raise JobError("t1 failed at step 1")
    return 5


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
    print("== wait_for t1 timeout=0.0")
    try:
        r = await asyncio.wait_for(t1(), timeout=0.0)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t1 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
