# feature: asyncio.Event: waiters wake when set, is_set, clear
import asyncio

async def waiter(name, ev):
    print(name, "waiting")
    await ev.wait()
    print(name, "woke up")

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ("x", "y")]
    await asyncio.sleep(0.3)
    print("setting", ev.is_set())
    ev.set()
    await asyncio.gather(*tasks)
    print("is_set", ev.is_set())
    ev.clear()
    print("cleared", ev.is_set())
    ev.set()
    await ev.wait()
    print("wait on a set event returns at once")

asyncio.run(main())
