# feature: gather returns results in argument order, not completion order
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return f"{name}:{delay}"

async def main():
    results = await asyncio.gather(fetch("slow", 0.3), fetch("fast", 0.1), fetch("mid", 0.2))
    print(results)
    print(await asyncio.gather())

asyncio.run(main())
