# feature: asyncio.Condition: several waiters, notify(n) wakes the first n in order, wait_for returns the predicate's value, locked()
import asyncio

state = {"ready": 0, "stock": 0}

async def worker(name, cond, delay):
    await asyncio.sleep(delay)
    async with cond:
        print(name, "waits, locked:", cond.locked())
        got = await cond.wait_for(lambda: state["stock"] > 0 and state["stock"])
        state["stock"] -= 1
        print(name, "takes one of", got, "left", state["stock"])
        await asyncio.sleep(0.05)
    print(name, "done, locked:", cond.locked())

async def main():
    cond = asyncio.Condition()
    print("locked at start:", cond.locked())
    tasks = [asyncio.create_task(worker(f"w{i}", cond, 0.01 * i)) for i in range(4)]
    await asyncio.sleep(0.1)
    async with cond:
        state["stock"] = 2
        print("two in stock, notify(2)")
        cond.notify(2)
        await asyncio.sleep(0.2)
        print("main still holds the lock")
    await asyncio.sleep(0.3)
    async with cond:
        state["stock"] = 5
        print("five in stock, notify_all")
        cond.notify_all()
    await asyncio.gather(*tasks)
    print("left in stock:", state["stock"])

asyncio.run(main())
