import asyncio
from functools import partial


def greet(greeting, name, punctuation="."):
    print(f"{greeting}, {name}{punctuation}")


async def main():
    loop = asyncio.get_running_loop()
    # call_soon passes positional arguments only: "freeze" keywords in with partial first
    loop.call_soon(partial(greet, punctuation="!"), "Hi", "Ana")
    loop.call_soon(greet, "Hello", "Bo")
    await asyncio.sleep(0)    # give up one turn, so the callbacks get to run


asyncio.run(main())
