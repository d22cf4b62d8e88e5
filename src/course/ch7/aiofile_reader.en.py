import asyncio
import os

from aiofile import AIOFile, Reader, Writer


async def main():
    async with AIOFile("text.txt", 'w+') as afp:
        writer = Writer(afp)
        reader = Reader(afp, chunk_size=8)

        await writer("Hello")
        await writer(" ")
        await writer("World")
        await afp.fsync()

        async for chunk in reader:            # the text reads after async with: the file is closed, ValueError
            print(chunk)
    os.remove("text.txt")                     # leave nothing behind


asyncio.run(main())
