# feature: generated asyncio program gen_0091 (generate.py seed 2026)
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
    x = await leaf("t0", 0.04, 1)
    print("t0 got", x)
    raise JobError("t0 failed at the end")
    return 1


async def t1():
    print("t1 start")
    await asyncio.sleep(0.0)
    print("t1 step 0")
    await asyncio.sleep(0.0)
    print("t1 step 1")
    await asyncio.sleep(0.16)
    print("t1 step 2")
    x = await leaf("t1", 0.0, 18)
    print("t1 got", x)
    return 8


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.16)
        print("t2 step 0")
        await asyncio.sleep(0.18)
        print("t2 step 1")
        await asyncio.sleep(0)
        print("t2 yielded")
        return 8
    finally:
        print("t2 finally")


async def producer1(q):
    for i in range(3):
        await asyncio.sleep(0.0 * (i % 2))
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
        await asyncio.sleep(0.0)


async def main():
    spawned = []
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t0()), asyncio.create_task(t1()), asyncio.create_task(t2())]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    print("== queue maxsize=0: 3 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
