import asyncio


@asyncio.coroutine                 # 旧写法：3.8 起弃用，3.11 已删除
def f1():
    print(1)
    yield from asyncio.sleep(2)    # 遇到 IO，把控制权交还事件循环
    print(2)


@asyncio.coroutine
def f2():
    print(3)
    yield from asyncio.sleep(2)
    print(4)


tasks = [
    asyncio.ensure_future(f1()),
    asyncio.ensure_future(f2()),
]
loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.wait(tasks))    # 1 3，两秒后 2 4
