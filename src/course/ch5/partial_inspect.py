import asyncio
import functools

loop = asyncio.new_event_loop()


def stop_loop(loop):
    print("Stopping loop")
    loop.stop()


say_hello = functools.partial(print, "Hello World!")    # 与 hello_world() 等价
print(say_hello.func)    # partial 以数据的形式记着要调用的函数……
print(say_hello.args)    # ……和参数：调试时可以查看，普通函数做不到
loop.call_soon(say_hello)
loop.call_soon(functools.partial(stop_loop, loop))      # 与 stop_loop(loop) 等价
loop.run_forever()
loop.close()
