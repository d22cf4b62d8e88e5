# feature: generated asyncio program gen_0063 (generate.py seed 2026)
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
        await asyncio.sleep(0.18)
        print("t0 step 0")
        await asyncio.sleep(0.03)
        print("t0 step 1")
        x = await nested("t0", 2, 0.02)
        print("t0 got", x)
        return 0
    except asyncio.CancelledError:
        print("t0 cancelled")
        raise


async def main():
    spawned = []
    print("== asyncio.timeout(0.04) around t0")
    try:
        async with asyncio.timeout(0.04):
            r = await t0()
        print("in time:", r)
    except TimeoutError:
        print("t0 hit the timeout")
    except JobError as exc:
        print("caught", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
