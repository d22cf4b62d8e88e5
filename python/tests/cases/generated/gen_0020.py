# feature: generated asyncio program gen_0020 (generate.py seed 2026)
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
        x = await nested("t0", 1, 0.07)
        print("t0 got", x)
        await asyncio.sleep(0)
        print("t0 yielded")
        await asyncio.sleep(0.06)
        print("t0 step 2")
        await asyncio.sleep(0)
        print("t0 yielded")
        return 1
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.16)
        print("t1 step 0")
        x = await leaf("t1", 0.06, 13)
        print("t1 got", x)
        await asyncio.sleep(0.01)
        print("t1 step 2")
        return 5
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0)
        print("t2 yielded")
        return 5
    except asyncio.CancelledError:
        print("t2 cancelled")
        return "t2 gave up"
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    print("t3 value so far", 41)
    return 3


async def producer1(q):
    for i in range(6):
        await asyncio.sleep(0.08 * (i % 3))
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
        await asyncio.sleep(0.02)


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
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    await asyncio.sleep(0.09)
    print("cancel ts[0] ->", ts[0].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== wait_for t2 timeout=0.04")
    try:
        r = await asyncio.wait_for(t2(), timeout=0.04)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t2 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== wait_for t3 timeout=0.06")
    try:
        r = await asyncio.wait_for(t3(), timeout=0.06)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t3 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
