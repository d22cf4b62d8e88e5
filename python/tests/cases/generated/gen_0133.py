# feature: generated asyncio program gen_0133 (generate.py seed 2026)
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
    print("t0 value so far", 76)
    await asyncio.sleep(0.04)
    print("t0 step 1")
    await asyncio.sleep(0.1)
    print("t0 step 2")
    raise JobError("t0 failed at the end")
    return 3


async def t1():
    print("t1 start")
    await asyncio.sleep(0)
    print("t1 yielded")
    await asyncio.sleep(0)
    print("t1 yielded")
    print("t1 value so far", 4)
    return 2


async def t2():
    print("t2 start")
    try:
        print("t2 value so far", 78)
        await asyncio.sleep(0)
        print("t2 yielded")
        await asyncio.sleep(0.04)
        print("t2 step 2")
        return 6
    except asyncio.CancelledError:
        print("t2 cancelled")
        return "t2 gave up"
    finally:
        print("t2 finally")


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.18")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.18)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== wait FIRST_COMPLETED timeout=None")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
