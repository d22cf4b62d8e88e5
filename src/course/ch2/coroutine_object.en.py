import asyncio


async def func():
    print("inside func")
    return "done"


coro = func()                 # 只得到一个协程对象，函数体一行也没执行
print("coroutine created")
result = asyncio.run(coro)    # 交给事件循环，才真正开始执行
print(result)
