# feature: Condition.notify_all wakes every waiter in FIFO order
import asyncio

async def waiter(i, cond):
    async with cond:
        await cond.wait()
        print("waiter", i, "notified")

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(i, cond)) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        print("notifying all")
        cond.notify_all()
    await asyncio.gather(*tasks)

asyncio.run(main())
