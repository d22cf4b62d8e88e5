# feature: generated asyncio program gen_0009 (generate.py seed 2026)
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
        x = await nested("t0", 1, 0.0)
        print("t0 got", x)
        print("t0 value so far", 95)
        await asyncio.sleep(0.12)
        print("t0 step 2")
        return 3
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    await asyncio.sleep(0)
    print("t1 yielded")
    raise JobError("t1 failed at the end")
    return 6


async def t2():
    print("t2 start")
    print("t2 value so far", 12)
    return 0


async def t3():
    print("t3 start")
    print("t3 value so far", 60)
    await asyncio.sleep(0)
    print("t3 yielded")
    await asyncio.sleep(0.14)
    print("t3 step 2")
    await asyncio.sleep(0.17)
    print("t3 step 3")
    return 9


async def t4():
    print("t4 start")
    await asyncio.sleep(0)
    print("t4 yielded")
    await asyncio.sleep(0.14)
    print("t4 step 1")
    raise JobError("t4 failed at step 2")
    return 8


async def main():
    spawned = []
    print("== wait FIRST_COMPLETED timeout=0.2")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.2)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([3, 3])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    print("== wait_for t2 timeout=0.16")
    try:
        r = await asyncio.wait_for(t2(), timeout=0.16)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t2 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t3()), asyncio.create_task(t4())]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
