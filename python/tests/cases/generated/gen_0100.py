# feature: generated asyncio program gen_0100 (generate.py seed 2026)
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
    await asyncio.sleep(0.03)
    print("t0 step 0")
    await asyncio.sleep(0)
    print("t0 yielded")
    print("t0 value so far", 10)
    return 9


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.13)
        print("t1 step 0")
        await asyncio.sleep(0)
        print("t1 yielded")
        await asyncio.sleep(0.18)
        print("t1 step 2")
        x = await nested("t1", 3, 0.0)
        print("t1 got", x)
        return 5
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    await asyncio.sleep(0.18)
    print("t2 step 0")
    raise JobError("t2 failed at step 1")
    return 9


async def producer1(q):
    for i in range(5):
        await asyncio.sleep(0.08 * (i % 3))
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
        await asyncio.sleep(0.09)


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.08")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.08)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== queue maxsize=1: 5 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=1)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== wait_for t1 timeout=0.17")
    try:
        r = await asyncio.wait_for(t1(), timeout=0.17)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t1 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== wait_for t2 timeout=0.18")
    try:
        r = await asyncio.wait_for(t2(), timeout=0.18)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t2 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
