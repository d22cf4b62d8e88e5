import asyncio


async def others():
    print("start")
    await asyncio.sleep(2)
    print("end")
    return "return value"


async def func():
    print("func begins")
    # await 一个协程：挂起，直到它 return，再拿到它的返回值
    response1 = await others()
    print("IO finished, result:", response1)
    response2 = await others()
    print("IO finished, result:", response2)


asyncio.run(func())
