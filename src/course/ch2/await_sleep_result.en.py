import asyncio


async def func():
    print("running the coroutine function's code")
    response = await asyncio.sleep(2)    # suspends this coroutine on IO; goes on when the IO is done
    print("IO request done, result:", response)


result = func()
asyncio.run(result)
