# feature: generated asyncio program gen_0102 (generate.py seed 2026)
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
        await asyncio.sleep(0.11)
        print("t0 step 1")
        x = await nested("t0", 1, 0.04)
        print("t0 got", x)
        return 8
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    await asyncio.sleep(0.07)
    print("t1 step 0")
    x = await leaf("t1", 0.17, 6)
    print("t1 got", x)
    print("t1 value so far", 35)
    await asyncio.sleep(0.08)
    print("t1 step 3")
    raise JobError("t1 failed at the end")
    return 7


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.09)
        print("t2 step 0")
        await asyncio.sleep(0.04)
        print("t2 step 1")
        await asyncio.sleep(0)
        print("t2 yielded")
        return 2
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        x = await leaf("t3", 0.03, 10)
        print("t3 got", x)
        await asyncio.sleep(0.13)
        print("t3 step 1")
        return 8
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    raise JobError("t4 failed at step 0")
    return 8


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.15)
        print("t5 step 0")
        await asyncio.sleep(0.17)
        print("t5 step 1")
        return 0
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    try:
        x = await leaf("t6", 0.13, 8)
        print("t6 got", x)
        await asyncio.sleep(0)
        print("t6 yielded")
        await asyncio.sleep(0.14)
        print("t6 step 2")
        x = await nested("t6", 1, 0.05)
        print("t6 got", x)
        return 0
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise
    finally:
        print("t6 finally")


async def t7():
    print("t7 start")
    x = await leaf("t7", 0.16, 17)
    print("t7 got", x)
    raise JobError("t7 failed at the end")
    return 5


async def t8():
    print("t8 start")
    x = await leaf("t8", 0.03, 16)
    print("t8 got", x)
    return 9


async def producer1(q):
    for i in range(3):
        await asyncio.sleep(0.02 * (i % 3))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(2):
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
        await asyncio.sleep(0.07)


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== queue maxsize=0: 3 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== wait FIRST_EXCEPTION timeout=0.08")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION, timeout=0.08)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== wait ALL_COMPLETED timeout=0.09")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED, timeout=0.09)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t8 unguarded")
    await failing(t8)


asyncio.run(main())
