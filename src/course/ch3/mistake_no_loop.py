import asyncio


async def f1():
    print(1)
    await asyncio.sleep(1)
    print(2)


async def f2():
    print(3)
    await asyncio.sleep(3)
    print(4)


# 错误：模块顶层还没有运行中的事件循环，create_task 直接报错
try:
    tasks = [asyncio.create_task(f1()), asyncio.create_task(f2())]
except RuntimeError as e:
    print("RuntimeError:", e)


# 办法 1：在事件循环里用 ensure_future 把协程包成 task，再交给 wait
async def fix1():
    await asyncio.wait([asyncio.ensure_future(f1()), asyncio.ensure_future(f2())])


# 办法 2：在协程里面 create_task，这时循环已经在运行
async def fix2():
    tasks = [asyncio.create_task(f1()), asyncio.create_task(f2())]
    await asyncio.wait(tasks)


asyncio.run(fix1())
print("办法 1 完成")
asyncio.run(fix2())
print("办法 2 完成")
