# feature: generated asyncio program gen_0038 (generate.py seed 2026)
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
    x = await leaf("t0", 0.03, 7)
    print("t0 got", x)
    return 8


async def t1():
    print("t1 start")
    await asyncio.sleep(0.08)
    print("t1 step 0")
    x = await nested("t1", 3, 0.0)
    print("t1 got", x)
    await asyncio.sleep(0)
    print("t1 yielded")
    await asyncio.sleep(0)
    print("t1 yielded")
    return 1


async def t2():
    print("t2 start")
    x = await leaf("t2", 0.1, 16)
    print("t2 got", x)
    raise JobError("t2 failed at step 1")
    return 9


async def producer1(q):
    for i in range(6):
        await asyncio.sleep(0.01 * (i % 2))
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
        await asyncio.sleep(0.0)


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
    print("== wait_for t0 timeout=0.1")
    try:
        r = await asyncio.wait_for(t0(), timeout=0.1)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t0 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== wait_for t1 timeout=0.1")
    try:
        r = await asyncio.wait_for(t1(), timeout=0.1)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t1 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    print("== wait_for t2 timeout=0.04")
    try:
        r = await asyncio.wait_for(t2(), timeout=0.04)
        print("wait_for got", r)
    except TimeoutError:
        print("wait_for t2 timed out")
    except JobError as exc:
        print("wait_for raised", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
