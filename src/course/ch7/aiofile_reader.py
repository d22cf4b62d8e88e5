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

        async for chunk in reader:            # 课文在 async with 外面读：文件已关闭，ValueError
            print(chunk)
    os.remove("text.txt")                     # 用完把文件删掉


asyncio.run(main())
