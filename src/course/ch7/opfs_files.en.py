import asyncio
import os

from aiofile import async_open


async def main():
    async with async_open("test.txt", "w+") as afp:
        await afp.write("Hello ")
        await afp.write("world")
        afp.seek(0)
        print(await afp.read())                    # Hello world

        await afp.write("\nHello from\nasync world")
        afp.seek(0)
        for _ in range(3):
            print((await afp.readline()).rstrip())  # 一次读一行
    os.remove("test.txt")                          # 用完把文件删掉


asyncio.run(main())
