# feature: generated asyncio program gen_0045 (generate.py seed 2026)
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
        x = await leaf("t0", 0.06, 0)
        print("t0 got", x)
        print("t0 value so far", 65)
        await asyncio.sleep(0.17)
        print("t0 step 3")
        raise JobError("t0 failed at the end")
        return 0
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    await asyncio.sleep(0.1)
    print("t1 step 0")
    return 5


async def t2():
    print("t2 start")
    x = await nested("t2", 2, 0.06)
    print("t2 got", x)
    await asyncio.sleep(0)
    print("t2 yielded")
    await asyncio.sleep(0.16)
    print("t2 step 2")
    await asyncio.sleep(0.16)
    print("t2 step 3")
    return 0


async def t3():
    print("t3 start")
    try:
        x = await nested("t3", 2, 0.06)
        print("t3 got", x)
        print("t3 value so far", 58)
        await asyncio.sleep(0.03)
        print("t3 step 2")
        return 0
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    raise JobError("t4 failed at step 0")
    return 0


async def t5():
    print("t5 start")
    await asyncio.sleep(0.04)
    print("t5 step 0")
    x = await nested("t5", 2, 0.02)
    print("t5 got", x)
    await asyncio.sleep(0)
    print("t5 yielded")
    x = await nested("t5", 3, 0.07)
    print("t5 got", x)
    return 1


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0.11)
        print("t6 step 0")
        return 3
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


async def t7():
    print("t7 start")
    x = await nested("t7", 2, 0.06)
    print("t7 got", x)
    return 8


async def main():
    spawned = []
    print("== wait FIRST_COMPLETED timeout=0.07")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.07)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t4()), asyncio.create_task(t5()), asyncio.create_task(t6())]
    spawned.extend(ts)
    await asyncio.sleep(0.12)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== asyncio.timeout(0.17) around t7")
    try:
        async with asyncio.timeout(0.17):
            r = await t7()
        print("in time:", r)
    except TimeoutError:
        print("t7 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
