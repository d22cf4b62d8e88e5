# feature: generated asyncio program gen_0095 (generate.py seed 2026)
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
    raise JobError("t0 failed at step 0")
    return 5


async def t1():
    print("t1 start")
    await asyncio.sleep(0.02)
    print("t1 step 0")
    await asyncio.sleep(0.17)
    print("t1 step 1")
    await asyncio.sleep(0)
    print("t1 yielded")
    raise JobError("t1 failed at step 3")
    return 5


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.08)
        print("t2 step 0")
        x = await nested("t2", 3, 0.0)
        print("t2 got", x)
        await asyncio.sleep(0.13)
        print("t2 step 2")
        await asyncio.sleep(0.2)
        print("t2 step 3")
        return 3
    except asyncio.CancelledError:
        print("t2 cancelled")
        return "t2 gave up"


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.16)
        print("t3 step 0")
        x = await leaf("t3", 0.05, 1)
        print("t3 got", x)
        raise JobError("t3 failed at step 2")
        return 0
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    await asyncio.sleep(0.11)
    print("t4 step 0")
    await asyncio.sleep(0.14)
    print("t4 step 1")
    await asyncio.sleep(0.06)
    print("t4 step 2")
    raise JobError("t4 failed at step 3")
    return 1


async def t5():
    print("t5 start")
    raise JobError("t5 failed at step 0")
    return 5


async def t6():
    print("t6 start")
    raise JobError("t6 failed at step 0")
    return 2


async def t7():
    print("t7 start")
    try:
        await asyncio.sleep(0.16)
        print("t7 step 0")
        await asyncio.sleep(0)
        print("t7 yielded")
        await asyncio.sleep(0.15)
        print("t7 step 2")
        return 9
    except asyncio.CancelledError:
        print("t7 cancelled")
        raise


async def producer1(q):
    for i in range(3):
        await asyncio.sleep(0.1 * (i % 3))
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
    print("== as_completed")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    print("== queue maxsize=0: 3 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=0)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== wait FIRST_COMPLETED timeout=0.0")
    ts = [asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED, timeout=0.0)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
