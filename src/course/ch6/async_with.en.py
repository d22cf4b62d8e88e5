import asyncio


class ContextManager:
    def __init__(self):
        self.conn = None

    async def action(self):
        return self.conn

    async def __aenter__(self):
        await asyncio.sleep(1)    # pretend to connect to a database, asynchronously
        self.conn = "OK"
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.conn = "CLOSE"       # runs whether or not the with body failed


async def main():
    async with ContextManager() as cm:
        result = await cm.action()
        print(result)
    print(cm.conn)


asyncio.run(main())
