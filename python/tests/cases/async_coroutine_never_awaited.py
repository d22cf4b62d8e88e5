# feature: calling a coroutine function without awaiting it: RuntimeWarning "was never awaited"
import asyncio

async def greet():
    print("hello")

async def main():
    greet()
    print("after forgetting to await")
    await asyncio.sleep(0.1)
    await greet()

asyncio.run(main())
