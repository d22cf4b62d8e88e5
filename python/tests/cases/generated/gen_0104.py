# feature: generated asyncio program gen_0104 (generate.py seed 2026)
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
        await asyncio.sleep(0.2)
        print("t0 step 0")
        return 3
    finally:
        print("t0 finally")


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== sleep(0) interleaving")
    ts = [asyncio.create_task(spinner("s{}".format(i), n)) for i, n in enumerate([1, 2])]
    spawned.extend(ts)
    await asyncio.gather(*ts)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t0 unguarded")
    await failing(t0)


asyncio.run(main())
