# feature: generated asyncio program gen_0147 (generate.py seed 2026)
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
    await asyncio.sleep(0.2)
    print("t0 step 0")
    return 2


async def main():
    spawned = []
    print("== shield t0 with wait_for timeout=0.06")
    inner = asyncio.create_task(t0(), name="t0")
    spawned.append(inner)
    try:
        r = await asyncio.wait_for(asyncio.shield(inner), timeout=0.06)
        print("shielded result", r)
    except TimeoutError:
        print("timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())
    except JobError as exc:
        print("shielded task failed:", exc)
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
