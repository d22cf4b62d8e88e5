import asyncio


async def func():
    print("inside func")
    return "done"


coro = func()                 # only a coroutine object: not one line of the body has run
print("coroutine created")
result = asyncio.run(coro)    # handed to the loop, it really starts running
print(result)
