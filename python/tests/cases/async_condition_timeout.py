# feature: asyncio.wait_for on Condition.wait times out and still holds the lock; a predicate that raises; wait_for's value
import asyncio

async def main():
    cond = asyncio.Condition()
    async with cond:
        try:
            await asyncio.wait_for(cond.wait(), timeout=0.2)
        except asyncio.TimeoutError:
            print("timed out, locked:", cond.locked())
    print("left, locked:", cond.locked())

    box = []

    async def filler():
        for i in range(3):
            await asyncio.sleep(0.1)
            async with cond:
                box.append(i)
                print("filled", i)
                cond.notify_all()

    def ready():
        if len(box) == 2:
            raise KeyError("two is a bad number")
        return box[:] if len(box) >= 3 else None

    t = asyncio.create_task(filler())
    async with cond:
        try:
            await cond.wait_for(ready)
        except KeyError as e:
            print("KeyError:", e, "locked:", cond.locked())
    await t
    async with cond:
        print("now:", await cond.wait_for(ready))

asyncio.run(main())
