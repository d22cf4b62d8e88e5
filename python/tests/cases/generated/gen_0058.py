# feature: generated asyncio program gen_0058 (generate.py seed 2026)
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
    await asyncio.sleep(0.09)
    print("t0 step 0")
    x = await leaf("t0", 0.16, 0)
    print("t0 got", x)
    x = await leaf("t0", 0.16, 11)
    print("t0 got", x)
    return 7


async def producer1(q):
    for i in range(3):
        await asyncio.sleep(0.03 * (i % 2))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(1):
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
        await asyncio.sleep(0.05)


async def producer2(q):
    for i in range(3):
        await asyncio.sleep(0.0 * (i % 2))
        await q.put(i * 10)
        print("p2 put", i * 10, "size", q.qsize())
    for _ in range(2):
        await q.put(None)
    return 3

async def consumer2(q, name):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            print(name, "sees the end")
            return total
        print(name, "got", item)
        total += item
        await asyncio.sleep(0.03)


async def main():
    spawned = []
    print("== queue maxsize=0: 3 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== queue maxsize=0: 3 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer2(q), name="p2")
    cons = [asyncio.create_task(consumer2(q, "c0"), name="c0"), asyncio.create_task(consumer2(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== asyncio.timeout(0.13) around t0")
    try:
        async with asyncio.timeout(0.13):
            r = await t0()
        print("in time:", r)
    except TimeoutError:
        print("t0 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
