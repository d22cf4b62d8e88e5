# feature: generated asyncio program gen_0116 (generate.py seed 2026)
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
    await asyncio.sleep(0.13)
    print("t0 step 0")
    return 6


async def t1():
    print("t1 start")
    await asyncio.sleep(0.01)
    print("t1 step 0")
    await asyncio.sleep(0)
    print("t1 yielded")
    raise JobError("t1 failed at the end")
    return 8


async def t2():
    print("t2 start")
    await asyncio.sleep(0.03)
    print("t2 step 0")
    return 1


async def t3():
    print("t3 start")
    x = await nested("t3", 1, 0.07)
    print("t3 got", x)
    await asyncio.sleep(0.1)
    print("t3 step 1")
    raise JobError("t3 failed at step 2")
    return 0


async def t4():
    print("t4 start")
    await asyncio.sleep(0.02)
    print("t4 step 0")
    x = await leaf("t4", 0.11, 4)
    print("t4 got", x)
    return 6


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    await asyncio.sleep(0.17)
    print("cancel ts[1] ->", ts[1].cancel())
    await asyncio.sleep(0.08)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t4 unguarded")
    await failing(t4)


asyncio.run(main())
