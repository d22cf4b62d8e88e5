# feature: generated asyncio program gen_0110 (generate.py seed 2026)
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
        await asyncio.sleep(0.07)
        print("t0 step 0")
        await asyncio.sleep(0.09)
        print("t0 step 1")
        x = await leaf("t0", 0.1, 13)
        print("t0 got", x)
        return 0
    except asyncio.CancelledError:
        print("t0 cancelled")
        return "t0 gave up"
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    x = await leaf("t1", 0.16, 18)
    print("t1 got", x)
    x = await leaf("t1", 0.2, 2)
    print("t1 got", x)
    await asyncio.sleep(0.08)
    print("t1 step 2")
    x = await leaf("t1", 0.0, 10)
    print("t1 got", x)
    return 9


async def t2():
    print("t2 start")
    x = await nested("t2", 1, 0.09)
    print("t2 got", x)
    raise JobError("t2 failed at step 1")
    return 7


async def producer1(q):
    for i in range(2):
        await asyncio.sleep(0.05 * (i % 3))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(1):
        await q.put(None)
    return 2

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


async def producer2(q):
    for i in range(5):
        await asyncio.sleep(0.04 * (i % 3))
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
        await asyncio.sleep(0.09)


async def main():
    spawned = []
    print("== queue maxsize=0: 2 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== queue maxsize=0: 5 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer2(q), name="p2")
    cons = [asyncio.create_task(consumer2(q, "c0"), name="c0")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t0()), asyncio.create_task(t1()), asyncio.create_task(t2())]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
