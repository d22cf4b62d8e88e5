# feature: generated asyncio program gen_0122 (generate.py seed 2026)
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
        print("t0 value so far", 94)
        await asyncio.sleep(0.1)
        print("t0 step 1")
        x = await nested("t0", 1, 0.06)
        print("t0 got", x)
        x = await leaf("t0", 0.11, 6)
        print("t0 got", x)
        return 9
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        x = await leaf("t1", 0.12, 14)
        print("t1 got", x)
        await asyncio.sleep(0)
        print("t1 yielded")
        return 7
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    await asyncio.sleep(0)
    print("t2 yielded")
    return 1


async def t3():
    print("t3 start")
    raise JobError("t3 failed at step 0")
    return 5


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0)
        print("t4 yielded")
        await asyncio.sleep(0.02)
        print("t4 step 1")
        x = await nested("t4", 1, 0.06)
        print("t4 got", x)
        raise JobError("t4 failed at step 3")
        return 4
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise


async def producer1(q):
    for i in range(3):
        await asyncio.sleep(0.06 * (i % 2))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(2):
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
    print("== queue maxsize=2: 3 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== wait FIRST_COMPLETED timeout=0.03")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.03)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== asyncio.timeout(0.02) around t4")
    try:
        async with asyncio.timeout(0.02):
            r = await t4()
        print("in time:", r)
    except TimeoutError:
        print("t4 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
