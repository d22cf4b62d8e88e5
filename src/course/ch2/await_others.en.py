import asyncio


async def others():
    print("start")
    await asyncio.sleep(2)
    print("end")
    return "return value"


async def func():
    print("running the coroutine function's code")
    response1 = await others()    # waits for all of others(), and gets what it returns
    print("IO request done, result:", response1)
    response2 = await others()    # starts only after the first one ended: about 4 s in all
    print("IO request done, result:", response2)


asyncio.run(func())
