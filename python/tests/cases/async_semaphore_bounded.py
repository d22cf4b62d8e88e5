# feature: BoundedSemaphore raises ValueError when released too many times; Semaphore does not
import asyncio

async def main():
    s = asyncio.Semaphore(1)
    s.release()
    print("semaphore released beyond its value, locked:", s.locked())
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
