# feature: asyncio.Condition errors (notify/wait without the lock), a Condition over a given Lock, a cancelled waiter re-takes the lock
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        cond.notify_all()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        cond.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    async with lock:
        print("lock held, condition locked:", shared.locked())
        shared.notify()
    print("after, condition locked:", shared.locked())

    async def waiter():
        async with shared:
            try:
                await shared.wait()
            except asyncio.CancelledError:
                print("waiter cancelled, holds the lock again:", shared.locked())
                raise

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    print("waiting, locked:", shared.locked())
    await lock.acquire()
    t.cancel()
    await asyncio.sleep(0.1)
    print("cancelled while main holds the lock, done:", t.done())
    lock.release()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled(), "locked:", lock.locked())

    await shared.acquire()
    print("acquire:", shared.locked())
    shared.release()
    print("release:", shared.locked())
    print(await asyncio.wait_for(shared.acquire(), 1))
    shared.release()

asyncio.run(main())
