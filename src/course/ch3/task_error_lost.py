import asyncio


async def load_config():
    print("加载配置")
    await asyncio.sleep(1)
    raise ValueError("配置文件不存在")


async def main():
    asyncio.create_task(load_config())    # 创建后既没保存也没 await：它的异常没人接收
    await asyncio.sleep(2)
    print("main 结束了，谁也没看到那个错误")


asyncio.run(main())    # 程序“正常”结束，错误只在退出时被记到日志里
