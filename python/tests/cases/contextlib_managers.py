# feature: contextlib's contextmanager and asynccontextmanager (setup, the body, an exception thrown back in at the yield, swallowed or not), suppress, closing, aclosing, nullcontext
import asyncio
from contextlib import aclosing, asynccontextmanager, closing, contextmanager, nullcontext, suppress


@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


@asynccontextmanager
async def connection(name, delay):
    print("connecting", name)
    await asyncio.sleep(delay)
    try:
        yield f"conn-{name}"
    except ValueError as e:
        print("rolled back", name, e)
        raise
    finally:
        await asyncio.sleep(0.1)
        print("closed", name)


@asynccontextmanager
async def never_yields():
    if False:
        yield


class Resource:
    def close(self):
        print("resource closed")


async def ticks():
    try:
        for i in range(10):
            yield i
    finally:
        print("ticks closed")


async def use(name, delay, fail):
    try:
        async with connection(name, delay) as conn:
            print("using", conn)
            await asyncio.sleep(0.2)
            if fail:
                raise ValueError("bad row")
            return conn
    except ValueError as e:
        print("caught", name, e)


async def main():
    with tag("b") as t:
        print("inside", t)
    with swallow():
        {}["missing"]
    print("after swallow")
    with suppress(ZeroDivisionError, KeyError):
        1 / 0
    print("after suppress")
    with closing(Resource()):
        print("using resource")
    with nullcontext(42) as n:
        print("null", n)
    print(await asyncio.gather(use("a", 0.3, False), use("b", 0.1, True)))
    async with aclosing(ticks()) as t:
        async for i in t:
            if i == 2:
                break
            print("tick", i)
    try:
        async with never_yields():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        with tag("i"):
            raise KeyError("k")
    except KeyError as e:
        print("not swallowed", repr(e))
    print(tag.__name__, type(tag("x")).__name__)


asyncio.run(main())
