# feature: Lock waiters acquire in FIFO order; locked() while held; tasks queued during hold
import asyncio

order = []

async def user(i, lock):
    await asyncio.sleep(0.01 * (5 - i))
    async with lock:
        order.append(i)
        await asyncio.sleep(0.1)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(user(i, lock) for i in range(5)))
    print(order)

asyncio.run(main())
