# feature: asyncio.timeout reschedule and timeout(None), timeout_at with loop.time()
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.1)
        cm.reschedule(loop.time() + 0.2)
        await asyncio.sleep(0.1)
        print("still inside")
    print("left without timeout")
    try:
        async with asyncio.timeout_at(loop.time() + 0.15):
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("timeout_at fired")

asyncio.run(main())
