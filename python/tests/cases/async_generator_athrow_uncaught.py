# feature: async generator athrow: an exception the generator does not catch comes out of the await
import asyncio

async def ticker():
    try:
        n = 0
        while True:
            yield n
            await asyncio.sleep(0.05)
            n += 1
    finally:
        print("ticker cleaned up")

async def main():
    t = ticker()
    print(await t.__anext__())
    print(await t.asend(None))
    try:
        await t.athrow(KeyError("stop"))
    except KeyError as e:
        print("came out:", repr(e))
    try:
        await t.asend(None)
    except StopAsyncIteration:
        print("exhausted after the throw")
    fresh = ticker()
    try:
        await fresh.athrow(ValueError)
    except ValueError:
        print("a fresh generator raises it at once")

asyncio.run(main())
