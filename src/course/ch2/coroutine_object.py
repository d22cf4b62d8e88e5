import asyncio


async def func():
    print("协程内部代码")
    return "完成"


coro = func()                 # 只得到一个协程对象，函数体一行也没执行
print("协程对象已创建")
result = asyncio.run(coro)    # 交给事件循环，才真正开始执行
print(result)
