# feature: generated asyncio program gen_0143 (generate.py seed 2026)
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
    await asyncio.sleep(0)
    print("t0 yielded")
    return 1


async def t1():
    print("t1 start")
    x = await leaf("t1", 0.2, 20)
    print("t1 got", x)
    await asyncio.sleep(0)
    print("t1 yielded")
    await asyncio.sleep(0)
    print("t1 yielded")
    return 3


async def t2():
    print("t2 start")
    await asyncio.sleep(0.18)
    print("t2 step 0")
    await asyncio.sleep(0)
    print("t2 yielded")
    await asyncio.sleep(0.04)
    print("t2 step 2")
    return 8


async def t3():
    print("t3 start")
    await asyncio.sleep(0.14)
    print("t3 step 0")
    await asyncio.sleep(0.15)
    print("t3 step 1")
    return 9


async def main():
    spawned = []
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([2, 2, 1, 2])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([1, 2, 1, 3])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    print("== gather return_exceptions=False")
    ts = [asyncio.create_task(t0()), asyncio.create_task(t1()), asyncio.create_task(t2()), asyncio.create_task(t3())]
    spawned.extend(ts)
    try:
        results = await asyncio.gather(*ts)
        print([show(r) for r in results])
    except JobError as exc:
        print("gather raised", repr(exc))
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
