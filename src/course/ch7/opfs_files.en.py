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
            print((await afp.readline()).rstrip())  # one line at a time
    os.remove("test.txt")                          # delete the file when done


asyncio.run(main())
