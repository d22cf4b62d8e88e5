# feature: generated asyncio program gen_0093 (generate.py seed 2026)
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
        await asyncio.sleep(0.16)
        print("t0 step 0")
        return 1
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    print("t1 value so far", 28)
    await asyncio.sleep(0.01)
    print("t1 step 1")
    print("t1 value so far", 83)
    x = await leaf("t1", 0.05, 1)
    print("t1 got", x)
    return 1


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0)
        print("t2 yielded")
        await asyncio.sleep(0.05)
        print("t2 step 1")
        return 3
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0)
        print("t3 yielded")
        await asyncio.sleep(0.01)
        print("t3 step 1")
        raise JobError("t3 failed at step 2")
        return 5
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    try:
        x = await nested("t4", 2, 0.09)
        print("t4 got", x)
        print("t4 value so far", 61)
        await asyncio.sleep(0.13)
        print("t4 step 2")
        return 1
    except asyncio.CancelledError:
        print("t4 cancelled")
        return "t4 gave up"


async def main():
    spawned = []
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([3, 1, 3, 3])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    print("== wait_for t4 timeout=0.03")
    try:
        r = await asyncio.wait_for(t4(), timeout=0.03)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t4 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
