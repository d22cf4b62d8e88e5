import asyncio


async def greet(name):
    print(f"hello, {name}")


async def main():
    greet("world")          # 忘了 await：只造出一个协程对象，随即被丢弃
    print("main goes on")
    await greet("again")    # 加上 await，greet 才真正运行


asyncio.run(main())    # 输出 main goes on、hello, again；hello, world 永远不会出现
