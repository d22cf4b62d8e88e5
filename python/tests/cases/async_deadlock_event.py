# feature: a program waiting forever on an Event nobody sets: the harness reports !deadlock
import asyncio

async def main():
    ev = asyncio.Event()
    print("waiting for an event that never comes", end="")
    await asyncio.sleep(0.2)
    await ev.wait()
    print("never")

asyncio.run(main())
