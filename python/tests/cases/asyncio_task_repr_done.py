import asyncio


async def ok():
    return {"a": 1}


async def boom():
    raise ValueError("boom")


async def forever():
    await asyncio.sleep(10)


class Box:
    async def method(self):
        return 'x'


async def main():
    t1 = asyncio.create_task(ok(), name="ok")
    t2 = asyncio.create_task(boom())
    t3 = asyncio.create_task(forever())
    t4 = asyncio.create_task(Box().method())
    await asyncio.sleep(0)
    t3.cancel()
    await asyncio.sleep(0)
    for t in (t1, t2, t3, t4):
        print(repr(t))
    t2.exception()


asyncio.run(main())
