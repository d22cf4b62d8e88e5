import asyncio


class AsyncContextManager:
    def __init__(self):
        self.conn = None    # 原文写作 self.conn = conn：conn 没有定义，会 NameError

    async def do_something(self):
        return 666          # 异步操作数据库

    async def __aenter__(self):
        self.conn = await asyncio.sleep(1)    # 异步连接数据库
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(1)                # 异步关闭数据库连接：退出时也可以 await


async def func():
    async with AsyncContextManager() as f:
        result = await f.do_something()
        print(result)
    print("async with 结束")    # 在 __aexit__ 的 1 秒之后


asyncio.run(func())
