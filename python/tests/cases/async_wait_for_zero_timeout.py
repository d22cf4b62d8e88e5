# feature: wait_for with timeout=0 and with None; a task passed to wait_for is cancelled on timeout
import asyncio

async def quick():
    await asyncio.sleep(0.1)
    return "quick"

async def main():
    print(await asyncio.wait_for(quick(), None))
    t = asyncio.create_task(quick())
    try:
        await asyncio.wait_for(t, 0.05)
    except TimeoutError:
        print("timeout, task cancelled?", t.cancelled())
    try:
        await asyncio.wait_for(quick(), 0)
    except TimeoutError:
        print("zero timeout")

asyncio.run(main())
