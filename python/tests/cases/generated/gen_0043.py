# feature: generated asyncio program gen_0043 (generate.py seed 2026)
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
        await asyncio.sleep(0.05)
        print("t0 step 0")
        return 6
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    await asyncio.sleep(0)
    print("t1 yielded")
    raise JobError("t1 failed at step 1")
    return 8


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0)
        print("t2 yielded")
        x = await leaf("t2", 0.08, 19)
        print("t2 got", x)
        await asyncio.sleep(0.18)
        print("t2 step 2")
        return 6
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        raise JobError("t3 failed at step 0")
        return 8
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def t4():
    print("t4 start")
    try:
        x = await leaf("t4", 0.03, 4)
        print("t4 got", x)
        await asyncio.sleep(0.02)
        print("t4 step 1")
        print("t4 value so far", 95)
        await asyncio.sleep(0.16)
        print("t4 step 3")
        raise JobError("t4 failed at the end")
        return 2
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    await asyncio.sleep(0.1)
    print("t5 step 0")
    raise JobError("t5 failed at step 1")
    return 4


async def t6():
    print("t6 start")
    x = await leaf("t6", 0.09, 17)
    print("t6 got", x)
    raise JobError("t6 failed at the end")
    return 1


async def producer1(q):
    for i in range(6):
        await asyncio.sleep(0.05 * (i % 3))
        await q.put(i * 10)
        print("p1 put", i * 10, "size", q.qsize())
    for _ in range(2):
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
        await asyncio.sleep(0.09)


async def main():
    spawned = []
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    print("== wait FIRST_EXCEPTION timeout=None")
    ts = [asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5"), asyncio.create_task(t6(), name="t6")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== queue maxsize=2: 6 items, 2 consumer(s)")
    q = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0"), asyncio.create_task(consumer1(q, "c1"), name="c1")]
    spawned.append(prod)
    spawned.extend(cons)
    totals = await asyncio.gather(prod, *cons)
    print("queue totals", totals)
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([3, 2, 2])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
