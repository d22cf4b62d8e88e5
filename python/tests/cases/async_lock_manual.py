# feature: Lock.acquire/release, locked(), releasing an unlocked lock raising RuntimeError
import asyncio

async def holder(lock):
    await lock.acquire()
    print("holder acquired")
    await asyncio.sleep(0.2)
    lock.release()
    print("holder released")

async def main():
    lock = asyncio.Lock()
    t = asyncio.create_task(holder(lock))
    await asyncio.sleep(0.05)
    print("locked?", lock.locked())
    await lock.acquire()
    print("main acquired")
    lock.release()
    await t
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
