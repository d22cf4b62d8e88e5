import asyncio


class AsyncContextManager:
    def __init__(self):
        self.conn = None    # the text writes self.conn = conn: conn is undefined, a NameError

    async def do_something(self):
        return 666          # work with the database, asynchronously

    async def __aenter__(self):
        self.conn = await asyncio.sleep(1)    # connect to the database, asynchronously
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(1)                # close the connection: leaving may await too


async def func():
    async with AsyncContextManager() as f:
        result = await f.do_something()
        print(result)
    print("async with done")    # one second after __aexit__ began


asyncio.run(func())
