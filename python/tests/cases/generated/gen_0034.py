# feature: generated asyncio program gen_0034 (generate.py seed 2026)
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
        x = await leaf("t0", 0.14, 4)
        print("t0 got", x)
        await asyncio.sleep(0.2)
        print("t0 step 1")
        print("t0 value so far", 1)
        return 2
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.17)
        print("t1 step 0")
        x = await leaf("t1", 0.06, 14)
        print("t1 got", x)
        return 0
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.13)
        print("t2 step 0")
        await asyncio.sleep(0.06)
        print("t2 step 1")
        x = await leaf("t2", 0.14, 5)
        print("t2 got", x)
        return 4
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    try:
        x = await nested("t3", 2, 0.03)
        print("t3 got", x)
        await asyncio.sleep(0.02)
        print("t3 step 1")
        return 6
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def producer1(q):
    for i in range(4):
        await asyncio.sleep(0.01 * (i % 2))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(2):
        await q.put(None)
    return 4

async def consumer1(q, name):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            print(name, "sees the end")
            return total
        print(name, "got", item)
        total += item
        await asyncio.sleep(0.08)


async def producer2(q):
    for i in range(4):
        await asyncio.sleep(0.07 * (i % 3))
        await q.put(i * 10)
        print("p2 put", i * 10, "size", q.qsize())
    for _ in range(1):
        await q.put(None)
    return 4

async def consumer2(q, name):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            print(name, "sees the end")
            return total
        print(name, "got", item)
        total += item
        await asyncio.sleep(0.02)


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== queue maxsize=0: 4 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== queue maxsize=1: 4 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=1)
    prod = asyncio.create_task(producer2(q), name="p2")
    cons = [asyncio.create_task(consumer2(q, "c0"), name="c0")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t3 unguarded")
    await failing(t3)


asyncio.run(main())
