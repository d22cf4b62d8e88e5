import asyncio


async def greet(name):
    print(f"hello, {name}")


async def main():
    greet("world")          # forgot await: only makes a coroutine object, dropped at once
    print("main goes on")
    await greet("again")    # with await, greet really runs


asyncio.run(main())    # prints main goes on, hello, again; hello, world never appears
