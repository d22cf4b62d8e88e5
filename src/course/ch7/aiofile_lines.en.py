import asyncio
import os

from aiofile import AIOFile, LineReader, Writer


async def main():
    async with AIOFile("text.txt", 'w+') as afp:
        writer = Writer(afp)

        await writer("Hello")
        await writer(" ")
        await writer("World")
        await writer("\n")
        await writer("\n")
        await writer("From async world")
        await afp.fsync()

        async for line in LineReader(afp):
            print(repr(line))                 # each line keeps its newline: print(line) would add a blank line
    os.remove("text.txt")                     # leave nothing behind


asyncio.run(main())
