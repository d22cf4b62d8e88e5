# feature: an exception in a call_soon callback is logged by the loop; the loop keeps running
import asyncio

def bad():
    raise ValueError("callback failed")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad)
    await asyncio.sleep(0.1)
    print("loop still running")

asyncio.run(main())
