import asyncio


async def greet(name):
    print(f"你好，{name}")


async def main():
    greet("world")          # 忘了 await：只造出一个协程对象，随即被丢弃
    print("main继续执行")
    await greet("again")    # 加上 await，greet 才真正运行


asyncio.run(main())    # 输出“main继续执行”“你好，again”；“你好，world”永远不会出现
