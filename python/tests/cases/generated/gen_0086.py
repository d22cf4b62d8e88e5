# feature: generated asyncio program gen_0086 (generate.py seed 2026)
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
        print("t0 value so far", 83)
        await asyncio.sleep(0.05)
        print("t0 step 1")
        await asyncio.sleep(0.06)
        print("t0 step 2")
        return 9
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0)
        print("t1 yielded")
        await asyncio.sleep(0.17)
        print("t1 step 1")
        await asyncio.sleep(0.03)
        print("t1 step 2")
        return 8
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.01)
        print("t2 step 0")
        return 2
    except asyncio.CancelledError:
        print("t2 cancelled")
        return "t2 gave up"
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    x = await leaf("t3", 0.17, 3)
    print("t3 got", x)
    await asyncio.sleep(0.19)
    print("t3 step 1")
    return 9


async def t4():
    print("t4 start")
    try:
        raise JobError("t4 failed at step 0")
        return 6
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    await asyncio.sleep(0)
    print("t5 yielded")
    await asyncio.sleep(0.18)
    print("t5 step 1")
    await asyncio.sleep(0)
    print("t5 yielded")
    return 6


async def t6():
    print("t6 start")
    await asyncio.sleep(0)
    print("t6 yielded")
    return 9


async def t7():
    print("t7 start")
    await asyncio.sleep(0.04)
    print("t7 step 0")
    await asyncio.sleep(0.08)
    print("t7 step 1")
    return 7


async def producer1(q):
    for i in range(6):
        await asyncio.sleep(0.03 * (i % 3))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(2):
        await q.put(None)
    return 6

async def consumer1(q, name):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            print(name, "sees the end")
            return total
        print(name, "got", item)
        total += item
        await asyncio.sleep(0.0)


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    await asyncio.sleep(0.06)
    print("cancel ts[3] ->", ts[3].cancel())
    await asyncio.sleep(0.0)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    await asyncio.sleep(0.14)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== queue maxsize=0: 6 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t7 unguarded")
    await failing(t7)


asyncio.run(main())
