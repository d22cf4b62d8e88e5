# feature: __aenter__/__aexit__ with async with, awaits inside both, exception info in __aexit__
import asyncio

class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("connecting", self.name)
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.05)
        print("closing", self.name, exc_type.__name__ if exc_type else None)
        return False

async def main():
    async with Connection("db") as conn:
        print("using", conn.name)
    try:
        async with Connection("cache"):
            raise ConnectionError("lost")
    except ConnectionError as e:
        print("caught", e)

asyncio.run(main())
