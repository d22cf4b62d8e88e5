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
            print(repr(line))                 # 每行带着自己的换行符，print(line) 会多空一行
    os.remove("text.txt")                     # 用完把文件删掉


asyncio.run(main())
