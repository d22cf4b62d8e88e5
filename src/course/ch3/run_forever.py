import asyncio


async def f1():
    print(1)
    await asyncio.sleep(3)
    print(2)
    return "f1"


def callback(task):
    print("结束了，停止事件循环:", task.result())
    task.get_loop().stop()    # run_until_complete 内部也是这样停下循环的


loop = asyncio.new_event_loop()
task = loop.create_task(f1())
task.add_done_callback(callback)
loop.run_forever()    # 一直转，直到有人调用 loop.stop()
loop.close()
