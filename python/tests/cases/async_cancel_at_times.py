# feature: several tasks cancelled at different times, each reporting how far it got
import asyncio

async def counter(name):
    i = 0
    try:
        while True:
            await asyncio.sleep(0.1)
            i += 1
    except asyncio.CancelledError:
        print(name, "cancelled after", i, "ticks")
        raise

async def main():
    tasks = {n: asyncio.create_task(counter(n)) for n in ("a", "b", "c")}
    for name, delay in [("b", 0.25), ("a", 0.1), ("c", 0.3)]:
        await asyncio.sleep(delay)
        tasks[name].cancel()
    results = await asyncio.gather(*tasks.values(), return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
