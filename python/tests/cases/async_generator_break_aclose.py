# feature: breaking out of async for over an async generator; aclose() runs its finally
import asyncio

async def stream():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("stream cleanup")

async def main():
    gen = stream()
    async for x in gen:
        print("x =", x)
        if x == 2:
            break
    print("broke out")
    await gen.aclose()
    print("closed")

asyncio.run(main())
