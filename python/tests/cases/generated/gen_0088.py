# feature: generated asyncio program gen_0088 (generate.py seed 2026)
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
        x = await leaf("t0", 0.1, 5)
        print("t0 got", x)
        await asyncio.sleep(0.15)
        print("t0 step 1")
        return 0
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        x = await leaf("t1", 0.09, 19)
        print("t1 got", x)
        return 3
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.14)
        print("t2 step 0")
        print("t2 value so far", 96)
        await asyncio.sleep(0.16)
        print("t2 step 2")
        x = await nested("t2", 1, 0.03)
        print("t2 got", x)
        return 4
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0)
        print("t3 yielded")
        return 6
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    x = await leaf("t4", 0.17, 10)
    print("t4 got", x)
    x = await leaf("t4", 0.12, 7)
    print("t4 got", x)
    raise JobError("t4 failed at the end")
    return 6


async def main():
    spawned = []
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([1, 3, 2, 2])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0()), asyncio.create_task(t1())]
    spawned.extend(ts)
    await asyncio.sleep(0.06)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([1, 3])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    await asyncio.sleep(0.2)
    print("cancel ts[2] ->", ts[2].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
