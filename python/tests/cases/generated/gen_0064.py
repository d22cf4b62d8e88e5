# feature: generated asyncio program gen_0064 (generate.py seed 2026)
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
        raise JobError("t0 failed at step 0")
        return 3
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.16)
        print("t1 step 0")
        await asyncio.sleep(0.14)
        print("t1 step 1")
        return 8
    except asyncio.CancelledError:
        print("t1 cancelled")
        return "t1 gave up"


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.01)
        print("t2 step 0")
        return 9
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    raise JobError("t3 failed at step 0")
    return 5


async def t4():
    print("t4 start")
    try:
        print("t4 value so far", 3)
        print("t4 value so far", 82)
        await asyncio.sleep(0.06)
        print("t4 step 2")
        return 3
    except asyncio.CancelledError:
        print("t4 cancelled")
        raise
    finally:
        print("t4 finally")


async def t5():
    print("t5 start")
    try:
        await asyncio.sleep(0.1)
        print("t5 step 0")
        await asyncio.sleep(0.19)
        print("t5 step 1")
        await asyncio.sleep(0.02)
        print("t5 step 2")
        return 7
    except asyncio.CancelledError:
        print("t5 cancelled")
        raise


async def t6():
    print("t6 start")
    try:
        x = await leaf("t6", 0.07, 15)
        print("t6 got", x)
        x = await leaf("t6", 0.03, 10)
        print("t6 got", x)
        raise JobError("t6 failed at step 2")
        return 3
    finally:
        print("t6 finally")


async def t7():
    print("t7 start")
    await asyncio.sleep(0.17)
    print("t7 step 0")
    print("t7 value so far", 92)
    await asyncio.sleep(0.11)
    print("t7 step 2")
    return 8


async def t8():
    print("t8 start")
    try:
        await asyncio.sleep(0)
        print("t8 yielded")
        await asyncio.sleep(0.19)
        print("t8 step 1")
        x = await nested("t8", 1, 0.05)
        print("t8 got", x)
        return 8
    finally:
        print("t8 finally")


async def t9():
    print("t9 start")
    try:
        await asyncio.sleep(0.06)
        print("t9 step 0")
        x = await leaf("t9", 0.05, 8)
        print("t9 got", x)
        return 7
    finally:
        print("t9 finally")


async def producer1(q):
    for i in range(6):
        await asyncio.sleep(0.06 * (i % 3))
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
        await asyncio.sleep(0.05)


async def main():
    spawned = []
    print("== queue maxsize=2: 6 items, 1 consumer(s)")
    q = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer1(q), name="p1")
    cons = [asyncio.create_task(consumer1(q, "c0"), name="c0")]
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
    print("== wait ALL_COMPLETED timeout=0.08")
    ts = [asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3"), asyncio.create_task(t4(), name="t4"), asyncio.create_task(t5(), name="t5")]
    spawned.extend(ts)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED, timeout=0.08)
    print("done", sorted(t.get_name() for t in done), "pending", len(pending))
    for t in ts:
        if t in done:
            print(t.get_name(), "->", outcome(t))
    for t in ts:
        if t in pending:
            print("cancelling", t.get_name(), t.cancel())
    print("== as_completed")
    ts = [asyncio.create_task(t6(), name="t6"), asyncio.create_task(t7(), name="t7"), asyncio.create_task(t8(), name="t8"), asyncio.create_task(t9(), name="t9")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
