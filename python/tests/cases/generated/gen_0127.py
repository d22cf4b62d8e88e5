# feature: generated asyncio program gen_0127 (generate.py seed 2026)
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
    await asyncio.sleep(0.13)
    print("t0 step 1")
    x = await leaf("t0", 0.11, 7)
    print("t0 got", x)
    x = await leaf("t0", 0.12, 9)
    print("t0 got", x)
    return 1


async def t1():
    print("t1 start")
    await asyncio.sleep(0.1)
    print("t1 step 0")
    await asyncio.sleep(0)
    print("t1 yielded")
    print("t1 value so far", 72)
    await asyncio.sleep(0.04)
    print("t1 step 3")
    return 0


async def t2():
    print("t2 start")
    try:
        x = await leaf("t2", 0.09, 5)
        print("t2 got", x)
        await asyncio.sleep(0.04)
        print("t2 step 1")
        return 5
    finally:
        print("t2 finally")


async def producer1(q):
    for i in range(2):
        await asyncio.sleep(0.0 * (i % 2))
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
        await asyncio.sleep(0.05)


async def main():
    spawned = []
    print("== wait_for t0 timeout=0.2")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.2)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    await asyncio.sleep(0.13)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([2, 3])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    print("== queue maxsize=0: 2 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
