# feature: generated asyncio program gen_0069 (generate.py seed 2026)
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
        await asyncio.sleep(0.09)
        print("t0 step 0")
        await asyncio.sleep(0)
        print("t0 yielded")
        await asyncio.sleep(0.18)
        print("t0 step 2")
        return 4
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    await asyncio.sleep(0.04)
    print("t1 step 0")
    await asyncio.sleep(0)
    print("t1 yielded")
    await asyncio.sleep(0)
    print("t1 yielded")
    raise JobError("t1 failed at the end")
    return 0


async def t2():
    print("t2 start")
    print("t2 value so far", 94)
    await asyncio.sleep(0.1)
    print("t2 step 1")
    x = await nested("t2", 2, 0.05)
    print("t2 got", x)
    raise JobError("t2 failed at step 3")
    return 6


async def t3():
    print("t3 start")
    print("t3 value so far", 82)
    await asyncio.sleep(0.18)
    print("t3 step 1")
    await asyncio.sleep(0.0)
    print("t3 step 2")
    return 2


async def t4():
    print("t4 start")
    try:
        print("t4 value so far", 79)
        await asyncio.sleep(0.04)
        print("t4 step 1")
        x = await nested("t4", 1, 0.03)
        print("t4 got", x)
        return 6
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0)
        print("t5 yielded")
        return 2
    finally:
        print("t5 finally")


async def t6():
    print("t6 start")
    try:
        x = await leaf("t6", 0.12, 11)
        print("t6 got", x)
        await asyncio.sleep(0.12)
        print("t6 step 1")
        return 8
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise
    finally:
        print("t6 finally")


async def producer1(q):
    for i in range(5):
        await asyncio.sleep(0.02 * (i % 3))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(2):
        await q.put(None)
    return 5

async def consumer1(q, name):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            print(name, "sees the end")
            return total
        print(name, "got", item)
        total += item
        await asyncio.sleep(0.01)


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    await asyncio.sleep(0.08)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== queue maxsize=2: 5 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== wait_for t2 timeout=0.02")
    try:
        r = await asyncio.wait_for(t2(), timeout=0.02)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t2 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== as_completed")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t6 unguarded")
    await failing(t6)


asyncio.run(main())
