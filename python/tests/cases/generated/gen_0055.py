# feature: generated asyncio program gen_0055 (generate.py seed 2026)
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
        await asyncio.sleep(0)
        print("t0 yielded")
        await asyncio.sleep(0.16)
        print("t0 step 2")
        return 1
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0)
        print("t1 yielded")
        x = await leaf("t1", 0.02, 2)
        print("t1 got", x)
        await asyncio.sleep(0)
        print("t1 yielded")
        return 2
    except asyncio.CancelledError:
        print("t1 cancelled")
        return "t1 gave up"


async def t2():
    print("t2 start")
    try:
        raise JobError("t2 failed at step 0")
        return 9
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    x = await nested("t3", 2, 0.01)
    print("t3 got", x)
    return 7


async def main():
    spawned = []
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== wait_for t3 timeout=0.15")
    try:
        r = await asyncio.wait_for(t3(), timeout=0.15)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t3 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
