# feature: wait_for waits for the cancelled inner coroutine's cleanup before raising TimeoutError
import asyncio

async def slow():
    try:
        await asyncio.sleep(1)
    finally:
        print("inner cleanup starts")
        await asyncio.sleep(0.2)
        print("inner cleanup ends")

async def main():
    try:
        await asyncio.wait_for(slow(), 0.1)
    except TimeoutError:
        print("TimeoutError raised")

asyncio.run(main())
