import asyncio
import functools

loop = asyncio.new_event_loop()
print(loop.is_running())    # False：还没有调用 run_forever


def hello_world():
    print("Hello World")


def stop_loop(loop):
    print("Stopping loop")
    loop.stop()


loop.call_soon(hello_world)                           # 先注册 hello_world
loop.call_soon(functools.partial(stop_loop, loop))    # 再注册 stop_loop：按注册的顺序执行
loop.run_forever()                                    # 执行完 stop_loop 后退出循环
loop.close()
