# feature: an exception raised in an asynccontextmanager's body and not swallowed is re-raised with the body's traceback (the generator's frames are not added), as contextlib does
import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def conn():
    print("open")
    yield 1
    print("never")


async def main():
    async with conn() as c:
        raise ValueError("boom")


asyncio.run(main())
