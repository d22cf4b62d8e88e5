# feature: generated asyncio program gen_0036 (generate.py seed 2026)
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
        await asyncio.sleep(0.12)
        print("t0 step 0")
        x = await leaf("t0", 0.17, 11)
        print("t0 got", x)
        await asyncio.sleep(0.13)
        print("t0 step 2")
        return 6
    except asyncio.CancelledError:
        print("t0 cancelled")
        return "t0 gave up"


async def t1():
    print("t1 start")
    await asyncio.sleep(0.05)
    print("t1 step 0")
    await asyncio.sleep(0.15)
    print("t1 step 1")
    return 5


async def t2():
    print("t2 start")
    await asyncio.sleep(0.14)
    print("t2 step 0")
    return 6


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0)
        print("t3 yielded")
        return 9
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    await asyncio.sleep(0.05)
    print("t4 step 0")
    await asyncio.sleep(0.02)
    print("t4 step 1")
    x = await nested("t4", 1, 0.09)
    print("t4 got", x)
    return 0


async def main():
    spawned = []
    print("== as_completed")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    print("== asyncio.timeout(0.03) around t3")
    try:
        async with asyncio.timeout(0.03):
            r = await t3()
        print("in time:", r)
    except TimeoutError:
        print("t3 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    print("== shield t4 with wait_for timeout=0.11")
    inner = asyncio.create_task(t4(), name="t4")
    spawned.append(inner)
    try:
        r = await asyncio.wait_for(asyncio.shield(inner), timeout=0.11)
        print("shielded result", r)
    except TimeoutError:
        print("timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())
    except JobError as exc:
        print("shielded task failed:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
