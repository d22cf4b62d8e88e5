import asyncio


def hello_world(loop):
    print("Hello World")
    loop.stop()    # 打印完就停止事件循环


loop = asyncio.new_event_loop()
loop.call_soon(hello_world, loop)    # 下一轮循环就调用
loop.run_forever()
loop.close()
