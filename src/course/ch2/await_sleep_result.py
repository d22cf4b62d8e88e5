import asyncio


async def func():
    print("执行协程函数内部代码")
    response = await asyncio.sleep(2)    # 遇到 IO 挂起当前协程，IO 完成后再往下执行
    print("IO请求结束,结果为:", response)


result = func()
asyncio.run(result)
