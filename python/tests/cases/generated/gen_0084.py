# feature: generated asyncio program gen_0084 (generate.py seed 2026)
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
        print("t0 value so far", 76)
        return 0
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        x = await leaf("t1", 0.17, 3)
        print("t1 got", x)
        return 2
    except asyncio.CancelledError:
        print("t1 cancelled")
        return "t1 gave up"


async def t2():
    print("t2 start")
    x = await leaf("t2", 0.02, 17)
    print("t2 got", x)
    print("t2 value so far", 8)
    await asyncio.sleep(0)
    print("t2 yielded")
    return 3


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.18)
        print("t3 step 0")
        x = await nested("t3", 3, 0.05)
        print("t3 got", x)
        print("t3 value so far", 9)
        x = await leaf("t3", 0.0, 2)
        print("t3 got", x)
        return 2
    finally:
        print("t3 finally")


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0()), asyncio.create_task(t1())]
    spawned.extend(ts)
    await asyncio.sleep(0.05)
    print("cancel ts[1] ->", ts[1].cancel())
    await asyncio.sleep(0.07)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait_for t2 timeout=0.16")
    try:
        r = await asyncio.wait_for(t2(), timeout=0.16)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t2 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([1, 1])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    print("== wait_for t3 timeout=0.08")
    try:
        r = await asyncio.wait_for(t3(), timeout=0.08)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t3 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
