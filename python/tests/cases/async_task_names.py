# feature: default task names Task-1 (asyncio.run's main task), Task-2, ...; custom names; set_name
import asyncio

async def sleeper(d):
    await asyncio.sleep(d)
    return asyncio.current_task().get_name()

async def main():
    print("main is", asyncio.current_task().get_name())
    a = asyncio.create_task(sleeper(0.1))
    b = asyncio.create_task(sleeper(0.1), name="custom")
    c = asyncio.create_task(sleeper(0.2))
    c.set_name("renamed")
    print(a.get_name(), b.get_name(), c.get_name())
    print(await a, await b, await c)
    d = asyncio.create_task(sleeper(0))
    print(d.get_name())
    await d

asyncio.run(main())
