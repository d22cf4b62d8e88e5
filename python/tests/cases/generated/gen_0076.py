# feature: generated asyncio program gen_0076 (generate.py seed 2026)
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
        await asyncio.sleep(0.05)
        print("t0 step 0")
        await asyncio.sleep(0)
        print("t0 yielded")
        await asyncio.sleep(0.15)
        print("t0 step 2")
        x = await leaf("t0", 0.0, 1)
        print("t0 got", x)
        return 7
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    raise JobError("t1 failed at step 0")
    return 2


async def t2():
    print("t2 start")
    x = await nested("t2", 1, 0.09)
    print("t2 got", x)
    raise JobError("t2 failed at step 1")
    return 9


async def t3():
    print("t3 start")
    raise JobError("t3 failed at step 0")
    return 6


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0)
        print("t4 yielded")
        return 4
    except asyncio.CancelledError:
        print("t4 cancelled")
        return "t4 gave up"


async def t5():
    print("t5 start")
    await asyncio.sleep(0)
    print("t5 yielded")
    return 0


async def producer1(q):
    for i in range(2):
        await asyncio.sleep(0.01 * (i % 2))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(2):
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
        await asyncio.sleep(0.06)


async def main():
    spawned = []
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== as_completed")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== queue maxsize=1: 2 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=1)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
