# feature: generated asyncio program gen_0046 (generate.py seed 2026)
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
    await asyncio.sleep(0.19)
    print("t0 step 0")
    return 0


async def t1():
    print("t1 start")
    await asyncio.sleep(0)
    print("t1 yielded")
    await asyncio.sleep(0.05)
    print("t1 step 1")
    await asyncio.sleep(0)
    print("t1 yielded")
    return 3


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0)
        print("t2 yielded")
        await asyncio.sleep(0)
        print("t2 yielded")
        return 0
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    await asyncio.sleep(0)
    print("t3 yielded")
    return 5


async def t4():
    print("t4 start")
    try:
        print("t4 value so far", 71)
        raise JobError("t4 failed at step 1")
        return 0
    finally:
        print("t4 finally")


async def producer1(q):
    for i in range(6):
        await asyncio.sleep(0.09 * (i % 3))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(1):
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
        await asyncio.sleep(0.07)


async def main():
    spawned = []
    print("== queue maxsize=0: 6 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== asyncio.timeout(0.18) around t3")
    try:
        async with asyncio.timeout(0.18):
            r = await t3()
        print("in time:", r)
    except TimeoutError:
        print("t3 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== wait_for t4 timeout=0.02")
    try:
        r = await asyncio.wait_for(t4(), timeout=0.02)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t4 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
