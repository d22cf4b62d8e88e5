# feature: generated asyncio program gen_0018 (generate.py seed 2026)
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
    x = await leaf("t0", 0.02, 12)
    print("t0 got", x)
    raise JobError("t0 failed at step 1")
    return 5


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.14)
        print("t1 step 0")
        print("t1 value so far", 93)
        await asyncio.sleep(0)
        print("t1 yielded")
        return 9
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0)
        print("t2 yielded")
        print("t2 value so far", 55)
        await asyncio.sleep(0.03)
        print("t2 step 2")
        print("t2 value so far", 57)
        return 3
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    print("t3 value so far", 28)
    raise JobError("t3 failed at the end")
    return 0


async def t4():
    print("t4 start")
    try:
        print("t4 value so far", 25)
        await asyncio.sleep(0.13)
        print("t4 step 1")
        x = await nested("t4", 3, 0.0)
        print("t4 got", x)
        return 7
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    await asyncio.sleep(0.1)
    print("t5 step 0")
    await asyncio.sleep(0.07)
    print("t5 step 1")
    await asyncio.sleep(0.05)
    print("t5 step 2")
    raise JobError("t5 failed at the end")
    return 0


async def main():
    spawned = []
    print("== shield t0 with wait_for timeout=0.05")
    inner = asyncio.create_task(t0(), name="t0")
    spawned.append(inner)
    try:
        r = await asyncio.wait_for(asyncio.shield(inner), timeout=0.05)
        print("shielded result", r)
    except TimeoutError:
        print("timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())
    except JobError as exc:
        print("shielded task failed:", exc)
    print("== asyncio.timeout(0.03) around t1")
    try:
        async with asyncio.timeout(0.03):
            r = await t1()
        print("in time:", r)
    except TimeoutError:
        print("t1 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== wait FIRST_EXCEPTION timeout=0.1")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION, timeout=0.1)
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
