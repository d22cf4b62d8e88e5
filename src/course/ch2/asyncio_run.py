import asyncio


async def f1():
    print("f1开始")
    await asyncio.sleep(5)
    print("f1结束")


# 以前要写两行：
# loop = asyncio.get_event_loop()
# loop.run_until_complete(f1())
asyncio.run(f1())    # 新建事件循环，跑完 f1，再关闭循环
