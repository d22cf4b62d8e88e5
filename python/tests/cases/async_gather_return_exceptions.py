# feature: gather(return_exceptions=True) puts exceptions into the results list
import asyncio

async def ok(n):
    await asyncio.sleep(0.1 * n)
    return n

async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)

async def main():
    results = await asyncio.gather(ok(1), fail("bad", 0.05), ok(2), fail("worse", 0.3), return_exceptions=True)
    print(results)
    for r in results:
        print(type(r).__name__, r)

asyncio.run(main())
