# feature: generated asyncio program gen_0025 (generate.py seed 2026)
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
    await asyncio.sleep(0.16)
    print("t0 step 0")
    return 5


async def t1():
    print("t1 start")
    await asyncio.sleep(0.14)
    print("t1 step 0")
    return 8


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0)
        print("t2 yielded")
        await asyncio.sleep(0.1)
        print("t2 step 1")
        return 0
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0)
        print("t3 yielded")
        x = await leaf("t3", 0.01, 15)
        print("t3 got", x)
        await asyncio.sleep(0)
        print("t3 yielded")
        await asyncio.sleep(0)
        print("t3 yielded")
        return 8
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise
    finally:
        print("t3 finally")


async def main():
    spawned = []
    print("== wait FIRST_COMPLETED timeout=None")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
