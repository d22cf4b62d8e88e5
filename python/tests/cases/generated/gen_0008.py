# feature: generated asyncio program gen_0008 (generate.py seed 2026)
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
    await asyncio.sleep(0)
    print("t0 yielded")
    x = await leaf("t0", 0.06, 16)
    print("t0 got", x)
    await asyncio.sleep(0)
    print("t0 yielded")
    return 7


async def t1():
    print("t1 start")
    try:
        print("t1 value so far", 58)
        await asyncio.sleep(0.16)
        print("t1 step 1")
        print("t1 value so far", 65)
        await asyncio.sleep(0.05)
        print("t1 step 3")
        return 1
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.18)
        print("t2 step 0")
        x = await nested("t2", 1, 0.02)
        print("t2 got", x)
        await asyncio.sleep(0)
        print("t2 yielded")
        return 3
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    x = await nested("t3", 1, 0.0)
    print("t3 got", x)
    raise JobError("t3 failed at the end")
    return 8


async def t4():
    print("t4 start")
    await asyncio.sleep(0)
    print("t4 yielded")
    await asyncio.sleep(0.15)
    print("t4 step 1")
    raise JobError("t4 failed at the end")
    return 1


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.17)
        print("t5 step 0")
        return 3
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    try:
        await asyncio.sleep(0.16)
        print("t6 step 0")
        return 1
    except asyncio.CancelledError:
        print("t6 cancelled")
        raise


async def t7():
    print("t7 start")
    try:
        x = await leaf("t7", 0.13, 20)
        print("t7 got", x)
        await asyncio.sleep(0.16)
        print("t7 step 1")
        return 0
    except asyncio.CancelledError:
        print("t7 cancelled")
        raise


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
        await asyncio.sleep(0.1)


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== queue maxsize=1: 2 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=1)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    await asyncio.sleep(0.06)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait_for t3 timeout=0.04")
    try:
        r = await asyncio.wait_for(t3(), timeout=0.04)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t3 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t4()), asyncio.create_task(t5()), asyncio.create_task(t6())]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t7 unguarded")
    await failing(t7)


asyncio.run(main())
