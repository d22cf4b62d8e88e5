# feature: wait_for raising TimeoutError (3.11: asyncio.TimeoutError is TimeoutError), inner task cancelled
import asyncio

async def slow():
    try:
        await asyncio.sleep(10)
        return "never"
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except asyncio.TimeoutError as e:
        print("timed out", type(e).__name__, asyncio.TimeoutError is TimeoutError)
    r = await asyncio.wait_for(asyncio.sleep(0.1, result="fast"), timeout=1)
    print(r)

asyncio.run(main())
