# feature: generated asyncio program gen_0072 (generate.py seed 2026)
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
    x = await leaf("t0", 0.2, 9)
    print("t0 got", x)
    print("t0 value so far", 26)
    await asyncio.sleep(0)
    print("t0 yielded")
    raise JobError("t0 failed at the end")
    return 8


async def t1():
    print("t1 start")
    x = await nested("t1", 3, 0.01)
    print("t1 got", x)
    raise JobError("t1 failed at the end")
    return 4


async def t2():
    print("t2 start")
    try:
        x = await leaf("t2", 0.14, 5)
        print("t2 got", x)
        await asyncio.sleep(0)
        print("t2 yielded")
        await asyncio.sleep(0.03)
        print("t2 step 2")
        print("t2 value so far", 59)
        return 7
    except asyncio.CancelledError:
        print("t2 cancelled")
        return "t2 gave up"


async def t3():
    print("t3 start")
    await asyncio.sleep(0)
    print("t3 yielded")
    raise JobError("t3 failed at the end")
    return 0


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.01)
        print("t4 step 0")
        return 6
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.16)
        print("t5 step 0")
        await asyncio.sleep(0.15)
        print("t5 step 1")
        return 6
    except asyncio.CancelledError:
        print("t5 cancelled")
        return "t5 gave up"


async def producer1(q):
    for i in range(4):
        await asyncio.sleep(0.09 * (i % 3))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(2):
        await q.put(None)
    return 4

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


async def main():
    spawned = []
    print("== queue maxsize=0: 4 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t2()), asyncio.create_task(t3()), asyncio.create_task(t4()), asyncio.create_task(t5())]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
