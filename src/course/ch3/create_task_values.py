import asyncio


async def func():
    print(1)
    await asyncio.sleep(2)
    print(2)
    return "返回值"


async def main():
    print("main开始")
    task1 = asyncio.create_task(func())    # 封装成 Task，加入事件循环：就绪，但还没运行
    task2 = asyncio.create_task(func())
    print("main结束")                      # main 还没让出过：两个 task 一行都没执行
    ret1 = await task1                     # main 在这里挂起，两个 task 才开始执行
    ret2 = await task2                     # await 一个 task，得到它的返回值
    print(ret1, ret2)


asyncio.run(main())
