# feature: generated asyncio program gen_0073 (generate.py seed 2026)
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
        x = await leaf("t0", 0.0, 20)
        print("t0 got", x)
        x = await leaf("t0", 0.2, 4)
        print("t0 got", x)
        x = await nested("t0", 2, 0.02)
        print("t0 got", x)
        return 3
    finally:
        print("t0 finally")


async def t1():
    print("t1 start")
    try:
        x = await leaf("t1", 0.18, 0)
        print("t1 got", x)
        return 7
    finally:
        print("t1 finally")


async def t2():
    print("t2 start")
    x = await leaf("t2", 0.1, 15)
    print("t2 got", x)
    x = await leaf("t2", 0.18, 17)
    print("t2 got", x)
    await asyncio.sleep(0.14)
    print("t2 step 2")
    return 5


async def main():
    spawned = []
    print("== gather return_exceptions=True")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
