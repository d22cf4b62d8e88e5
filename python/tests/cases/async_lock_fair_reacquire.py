# feature: a task that releases a Lock or Semaphore and at once acquires it again queues behind the waiter it woke
import asyncio

async def greedy(lock):
    for i in range(2):
        async with lock:
            print("greedy has it", i)
            await asyncio.sleep(0.1)
        print("greedy released", i)

async def waiter(lock):
    async with lock:
        print("waiter has it")
        await asyncio.sleep(0.1)
    print("waiter released")

async def main():
    for name, lock in (("Lock", asyncio.Lock()), ("Semaphore", asyncio.Semaphore(1)), ("BoundedSemaphore", asyncio.BoundedSemaphore(1))):
        print(name)
        g = asyncio.create_task(greedy(lock))
        await asyncio.sleep(0)
        w = asyncio.create_task(waiter(lock))
        await asyncio.gather(g, w)
        print("locked:", lock.locked())

asyncio.run(main())
