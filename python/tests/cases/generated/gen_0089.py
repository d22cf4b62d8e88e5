# feature: generated asyncio program gen_0089 (generate.py seed 2026)
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
        raise JobError("t0 failed at step 0")
        return 5
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    await asyncio.sleep(0.05)
    print("t1 step 0")
    await asyncio.sleep(0.02)
    print("t1 step 1")
    await asyncio.sleep(0.16)
    print("t1 step 2")
    await asyncio.sleep(0.11)
    print("t1 step 3")
    return 5


async def t2():
    print("t2 start")
    raise JobError("t2 failed at step 0")
    return 4


async def t3():
    print("t3 start")
    try:
        print("t3 value so far", 15)
        return 0
    except asyncio.CancelledError:
        print("t3 cancelled")
        return "t3 gave up"
    finally:
        print("t3 finally")


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== wait ALL_COMPLETED timeout=0.1")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED, timeout=0.1)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== wait_for t2 timeout=0.19")
    try:
        r = await asyncio.wait_for(t2(), timeout=0.19)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t2 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([1, 2])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t3 unguarded")
    await failing(t3)


asyncio.run(main())
