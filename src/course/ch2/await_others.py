import asyncio


async def others():
    print("start")
    await asyncio.sleep(2)
    print("end")
    return "返回值"


async def func():
    print("执行协程函数内部代码")
    response1 = await others()    # 等 others() 整个执行完，得到它的返回值
    print("IO请求结束,结果为:", response1)
    response2 = await others()    # 上一个结束后才开始：一共约 4 秒
    print("IO请求结束,结果为:", response2)


asyncio.run(func())
