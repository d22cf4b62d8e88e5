# feature: generated asyncio program gen_0016 (generate.py seed 2026)
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
    raise JobError("t0 failed at step 0")
    return 4


async def t1():
    print("t1 start")
    await asyncio.sleep(0.05)
    print("t1 step 0")
    x = await leaf("t1", 0.18, 0)
    print("t1 got", x)
    raise JobError("t1 failed at the end")
    return 8


async def t2():
    print("t2 start")
    try:
        await asyncio.sleep(0.06)
        print("t2 step 0")
        await asyncio.sleep(0.16)
        print("t2 step 1")
        x = await nested("t2", 1, 0.09)
        print("t2 got", x)
        x = await nested("t2", 2, 0.08)
        print("t2 got", x)
        return 2
    except asyncio.CancelledError:
        print("t2 cancelled")
        raise


async def t3():
    print("t3 start")
    try:
        await asyncio.sleep(0.01)
        print("t3 step 0")
        return 9
    except asyncio.CancelledError:
        print("t3 cancelled")
        raise


async def failing(fn):
    r = await fn()
    raise JobError(f"unguarded failure after {r}")


async def main():
    spawned = []
    print("== shield t0 with wait_for timeout=0.08")
    inner = asyncio.create_task(t0(), name="t0")
    spawned.append(inner)
    try:
        r = await asyncio.wait_for(asyncio.shield(inner), timeout=0.08)
        print("shielded result", r)
    except TimeoutError:
        print("timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())
    except JobError as exc:
        print("shielded task failed:", exc)
    print("== tasks with cancellation")
    ts = [asyncio.create_task(t1(), name="t1"), asyncio.create_task(t2(), name="t2")]
    spawned.extend(ts)
    await asyncio.sleep(0.11)
    print("cancel ts[1] ->", ts[1].cancel())
    await asyncio.sleep(0.1)
    print("cancel ts[1] ->", ts[1].cancel())
    results = await asyncio.gather(*ts, return_exceptions=True)
    print([show(r) for r in results])
    await asyncio.gather(*spawned, return_exceptions=True)
    print("main done at", round(asyncio.get_running_loop().time(), 2))
    print("running t3 unguarded")
    await failing(t3)


asyncio.run(main())
