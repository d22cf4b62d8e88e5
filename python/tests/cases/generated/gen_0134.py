# feature: generated asyncio program gen_0134 (generate.py seed 2026)
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
    await asyncio.sleep(0)
    print("t0 yielded")
    print("t0 value so far", 29)
    return 7


async def t1():
    print("t1 start")
    x = await nested("t1", 2, 0.07)
    print("t1 got", x)
    await asyncio.sleep(0)
    print("t1 yielded")
    await asyncio.sleep(0.07)
    print("t1 step 2")
    return 0


async def t2():
    print("t2 start")
    try:
        x = await nested("t2", 3, 0.01)
        print("t2 got", x)
        raise JobError("t2 failed at step 1")
        return 3
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0)
        print("t3 yielded")
        raise JobError("t3 failed at the end")
        return 9
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    await asyncio.sleep(0.06)
    print("t4 step 0")
    await asyncio.sleep(0.03)
    print("t4 step 1")
    return 9


async def t5():
    print("t5 start")
    raise JobError("t5 failed at step 0")
    return 9


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0()), asyncio.create_task(t1())]
    spawned.extend(ts)
    await asyncio.sleep(0.18)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait FIRST_COMPLETED timeout=0.2")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.2)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== asyncio.timeout(0.13) around t5")
    try:
        async with asyncio.timeout(0.13):
            r = await t5()
        print("in time:", r)
    except TimeoutError:
        print("t5 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
