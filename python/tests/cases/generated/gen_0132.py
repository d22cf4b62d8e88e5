# feature: generated asyncio program gen_0132 (generate.py seed 2026)
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
        x = await leaf("t0", 0.09, 3)
        print("t0 got", x)
        print("t0 value so far", 18)
        await asyncio.sleep(0.0)
        print("t0 step 2")
        return 3
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        x = await nested("t1", 1, 0.04)
        print("t1 got", x)
        await asyncio.sleep(0)
        print("t1 yielded")
        print("t1 value so far", 14)
        return 0
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    await asyncio.sleep(0.14)
    print("t2 step 0")
    await asyncio.sleep(0.19)
    print("t2 step 1")
    x = await nested("t2", 1, 0.0)
    print("t2 got", x)
    await asyncio.sleep(0.1)
    print("t2 step 3")
    return 2


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.13)
        print("t3 step 0")
        await asyncio.sleep(0.18)
        print("t3 step 1")
        return 9
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    await asyncio.sleep(0)
    print("t4 yielded")
    await asyncio.sleep(0)
    print("t4 yielded")
    return 5


async def t5():
    print("t5 start")
    await asyncio.sleep(0)
    print("t5 yielded")
    return 4


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0.03)
        print("t6 step 0")
        await asyncio.sleep(0.11)
        print("t6 step 1")
        x = await leaf("t6", 0.1, 19)
        print("t6 got", x)
        return 1
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


async def t7():
    print("t7 start")
    x = await leaf("t7", 0.0, 9)
    print("t7 got", x)
    await asyncio.sleep(0.04)
    print("t7 step 1")
    return 7


async def producer1(q):
    for i in range(6):
        await asyncio.sleep(0.02 * (i % 3))
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
        await asyncio.sleep(0.1)


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== queue maxsize=1: 6 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=1)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== as_completed")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== as_completed")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t7 unguarded")
    await failing(t7)


asyncio.run(main())
