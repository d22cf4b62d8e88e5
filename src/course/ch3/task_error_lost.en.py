import asyncio


async def load_config():
    print("loading config")
    await asyncio.sleep(1)
    raise ValueError("config file is missing")


async def main():
    asyncio.create_task(load_config())    # 创建后既没保存也没 await：它的异常没人接收
    await asyncio.sleep(2)
    print("main done, nobody saw the error")


asyncio.run(main())    # 程序“正常”结束，错误只在退出时被记到日志里
