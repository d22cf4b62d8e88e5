# feature: generated asyncio program gen_0030 (generate.py seed 2026)
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
        await asyncio.sleep(0)
        print("t0 yielded")
        await asyncio.sleep(0)
        print("t0 yielded")
        raise JobError("t0 failed at the end")
        return 0
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    await asyncio.sleep(0.03)
    print("t1 step 0")
    return 5


async def t2():
    print("t2 start")
    await asyncio.sleep(0.17)
    print("t2 step 0")
    await asyncio.sleep(0.03)
    print("t2 step 1")
    return 4


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.2)
        print("t3 step 0")
        return 7
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    x = await leaf("t4", 0.16, 2)
    print("t4 got", x)
    await asyncio.sleep(0.09)
    print("t4 step 1")
    await asyncio.sleep(0.12)
    print("t4 step 2")
    return 7


async def main():
    spawned = []
    print("== asyncio.timeout(0.13) around t0")
    try:
        async with asyncio.timeout(0.13):
            r = await t0()
        print("in time:", r)
    except TimeoutError:
        print("t0 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== wait FIRST_COMPLETED timeout=None")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
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
