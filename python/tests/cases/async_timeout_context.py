# feature: asyncio.timeout (3.11) context manager raising TimeoutError, expired()
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.3) as cm:
            print("sleeping inside timeout")
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out, expired:", cm.expired())
    async with asyncio.timeout(1) as cm2:
        await asyncio.sleep(0.2)
    print("in time, expired:", cm2.expired())

asyncio.run(main())
