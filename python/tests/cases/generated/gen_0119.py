# feature: generated asyncio program gen_0119 (generate.py seed 2026)
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
        raise JobError("t0 failed at step 0")
        return 7
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    x = await nested("t1", 1, 0.06)
    print("t1 got", x)
    return 3


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.19)
        print("t2 step 0")
        x = await nested("t2", 2, 0.04)
        print("t2 got", x)
        x = await leaf("t2", 0.15, 5)
        print("t2 got", x)
        await asyncio.sleep(0.09)
        print("t2 step 3")
        return 3
    except asyncio.CancelledError:
        print("t2 cancelled")
        return "t2 gave up"


async def t3():
    print("t3 start")
    raise JobError("t3 failed at step 0")
    return 7


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0)
        print("t4 yielded")
        await asyncio.sleep(0.03)
        print("t4 step 1")
        await asyncio.sleep(0)
        print("t4 yielded")
        return 6
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.07)
        print("t5 step 0")
        await asyncio.sleep(0.01)
        print("t5 step 1")
        x = await leaf("t5", 0.06, 4)
        print("t5 got", x)
        await asyncio.sleep(0.16)
        print("t5 step 3")
        return 1
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0.13)
        print("t6 step 0")
        return 0
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


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
        await asyncio.sleep(0.05)


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== wait ALL_COMPLETED timeout=None")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== queue maxsize=0: 6 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== wait FIRST_EXCEPTION timeout=0.17")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION, timeout=0.17)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t6 unguarded")
    await failing(t6)


asyncio.run(main())
