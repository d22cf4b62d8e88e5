# feature: generated asyncio program gen_0120 (generate.py seed 2026)
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
        await asyncio.sleep(0.03)
        print("t0 step 0")
        print("t0 value so far", 69)
        return 7
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.09)
        print("t1 step 0")
        x = await leaf("t1", 0.17, 19)
        print("t1 got", x)
        raise JobError("t1 failed at the end")
        return 8
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    await asyncio.sleep(0)
    print("t2 yielded")
    await asyncio.sleep(0.17)
    print("t2 step 1")
    raise JobError("t2 failed at step 2")
    return 6


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.01)
        print("t3 step 0")
        print("t3 value so far", 49)
        await asyncio.sleep(0)
        print("t3 yielded")
        return 4
    except asyncio.CancelledError:
        print("t3 cancelled")
        return "t3 gave up"


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.18)
        print("t4 step 0")
        return 0
    finally:
        print("t4 finally")


async def producer1(q):
    for i in range(3):
        await asyncio.sleep(0.07 * (i % 3))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(1):
        await q.put(None)
    return 3

async def consumer1(q, name):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            print(name, "sees the end")
            return total
        print(name, "got", item)
        total += item
        await asyncio.sleep(0.03)


async def producer2(q):
    for i in range(5):
        await asyncio.sleep(0.02 * (i % 3))
        await q.put(i * 10)
        print("p2 put", i * 10, "size", q.qsize())
    for _ in range(1):
        await q.put(None)
    return 5

async def consumer2(q, name):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            print(name, "sees the end")
            return total
        print(name, "got", item)
        total += item
        await asyncio.sleep(0.04)


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    await asyncio.sleep(0.07)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== queue maxsize=1: 3 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=1)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== queue maxsize=1: 5 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=1)
    prod = asyncio.create_task(producer2(q), name="p2")
    cons = [asyncio.create_task(consumer2(q, "c0"), name="c0")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t4 unguarded")
    await failing(t4)


asyncio.run(main())
