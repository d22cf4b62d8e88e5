# feature: __aexit__ returning True suppresses the exception; nested async with
import asyncio

class Suppress:
    async def __aenter__(self):
        print("enter")

    async def __aexit__(self, et, e, tb):
        print("exit with", repr(e))
        return True

class Tracer:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("open", self.name)
        return self.name

    async def __aexit__(self, *a):
        print("close", self.name)

async def main():
    async with Suppress():
        raise ValueError("hidden")
    print("continued")
    async with Tracer("a") as a, Tracer("b") as b:
        print("inside", a, b)

asyncio.run(main())
