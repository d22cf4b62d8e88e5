# feature: asyncio.Lock with async with serializing a critical section (timings)
import asyncio

async def worker(name, lock):
    print(name, "wants the lock")
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(0.1)
        print(name, "releases")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker("a", lock), worker("b", lock), worker("c", lock))
    print("locked?", lock.locked())

asyncio.run(main())
