import asyncio


class ContextManager:
    def __init__(self):
        self.conn = None

    async def action(self):
        return self.conn

    async def __aenter__(self):
        await asyncio.sleep(1)    # 假装异步连接数据库
        self.conn = "OK"
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.conn = "CLOSE"       # 不管 with 里面是否出错，都会执行


async def main():
    async with ContextManager() as cm:
        result = await cm.action()
        print(result)
    print(cm.conn)


asyncio.run(main())
