# feature: generated asyncio program gen_0141 (generate.py seed 2026)
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
    await asyncio.sleep(0.02)
    print("t0 step 0")
    raise JobError("t0 failed at step 1")
    return 8


async def t1():
    print("t1 start")
    try:
        x = await leaf("t1", 0.0, 13)
        print("t1 got", x)
        return 3
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    await asyncio.sleep(0)
    print("t2 yielded")
    return 0


async def t3():
    print("t3 start")
    x = await nested("t3", 3, 0.08)
    print("t3 got", x)
    await asyncio.sleep(0.17)
    print("t3 step 1")
    raise JobError("t3 failed at step 2")
    return 6


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.08)
        print("t4 step 0")
        await asyncio.sleep(0.01)
        print("t4 step 1")
        return 8
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([3, 2, 2])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t4 unguarded")
    await failing(t4)


asyncio.run(main())
