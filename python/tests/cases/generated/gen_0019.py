# feature: generated asyncio program gen_0019 (generate.py seed 2026)
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
        x = await leaf("t0", 0.2, 10)
        print("t0 got", x)
        x = await leaf("t0", 0.04, 12)
        print("t0 got", x)
        return 0
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def t1():
    print("t1 start")
    await asyncio.sleep(0)
    print("t1 yielded")
    x = await nested("t1", 2, 0.04)
    print("t1 got", x)
    await asyncio.sleep(0.15)
    print("t1 step 2")
    await asyncio.sleep(0.01)
    print("t1 step 3")
    return 8


async def t2():
    print("t2 start")
    try:
        x = await leaf("t2", 0.19, 8)
        print("t2 got", x)
        await asyncio.sleep(0)
        print("t2 yielded")
        return 3
    finally:
        print("t2 finally")


async def t3():
    print("t3 start")
    x = await leaf("t3", 0.09, 17)
    print("t3 got", x)
    print("t3 value so far", 86)
    return 1


async def main():
    spawned = []
    print("== as_completed")
    ts = [asyncio.create_task(t0(), name="t0"), asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2"), asyncio.create_task(t3(), name="t3")]
    spawned.extend(ts)
    for fut in asyncio.as_completed(ts):
        try:
            print("completed:", await fut)
        except JobError as exc:
            print("completed with error:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
