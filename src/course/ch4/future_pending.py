import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()    # 一个谁也不会去设置结果的 future
    print("等待 future 的结果...")
    await fut                     # 永远等下去：只能手动停止
    print("这一行永远不会打印")


asyncio.run(main())
