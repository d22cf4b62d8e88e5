import asyncio


async def others():
    print("start")
    await asyncio.sleep(2)
    print("end")
    return "return value"


async def func():
    print("func begins")
    # await a coroutine: suspend until it returns, then take its return value
    response1 = await others()
    print("IO finished, result:", response1)
    response2 = await others()
    print("IO finished, result:", response2)


asyncio.run(func())
