# feature: generated asyncio program gen_0136 (generate.py seed 2026)
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
        await asyncio.sleep(0)
        print("t0 yielded")
        x = await leaf("t0", 0.1, 13)
        print("t0 got", x)
        x = await leaf("t0", 0.12, 13)
        print("t0 got", x)
        await asyncio.sleep(0.08)
        print("t0 step 3")
        return 6
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    try:
        await asyncio.sleep(0.15)
        print("t1 step 0")
        await asyncio.sleep(0.16)
        print("t1 step 1")
        await asyncio.sleep(0.05)
        print("t1 step 2")
        return 0
    except asyncio.CancelledError:
        print("t1 cancelled")
        raise


async def t2():
    print("t2 start")
    x = await leaf("t2", 0.04, 1)
    print("t2 got", x)
    await asyncio.sleep(0.18)
    print("t2 step 1")
    x = await leaf("t2", 0.04, 12)
    print("t2 got", x)
    await asyncio.sleep(0.02)
    print("t2 step 3")
    return 1


async def t3():
    print("t3 start")
    try:
        x = await leaf("t3", 0.07, 17)
        print("t3 got", x)
        await asyncio.sleep(0.05)
        print("t3 step 1")
        await asyncio.sleep(0.15)
        print("t3 step 2")
        x = await leaf("t3", 0.14, 4)
        print("t3 got", x)
        return 4
    finally:
        print("t3 finally")


async def t4():
    print("t4 start")
    try:
        await asyncio.sleep(0.15)
        print("t4 step 0")
        await asyncio.sleep(0.05)
        print("t4 step 1")
        return 6
    except asyncio.CancelledError:
        print("t4 cancelled")
        return "t4 gave up"


async def main():
    spawned = []
    print("== shield t0 with wait_for timeout=0.07")
    inner = asyncio.create_task(t0(), name="t0")
    spawned.append(inner)
    try:
        r = await asyncio.wait_for(asyncio.shield(inner), timeout=0.07)
        print("shielded result", r)
    except TimeoutError:
        print("timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())
    except JobError as exc:
        print("shielded task failed:", exc)
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t1()), asyncio.create_task(t2()), asyncio.create_task(t3()), asyncio.create_task(t4())]
    spawned.extend(ts)
    await asyncio.sleep(0.19)
    print("cancel ts[1] ->", ts[1].cancel())
    await asyncio.sleep(0.19)
    print("cancel ts[3] ->", ts[3].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
