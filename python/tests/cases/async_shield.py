# feature: asyncio.shield protects the inner task from cancellation of the outer await
import asyncio

async def important():
    await asyncio.sleep(0.3)
    print("important work finished")
    return "saved"

async def main():
    inner = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.1)
    except TimeoutError:
        print("outer timed out, inner cancelled?", inner.cancelled())
    print(await inner)

asyncio.run(main())
