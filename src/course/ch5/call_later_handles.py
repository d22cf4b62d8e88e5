import asyncio
import functools

loop = asyncio.new_event_loop()    # 课程用 get_event_loop()；没有运行中的循环时新版 Python 不再建议这样用


def hello_world():
    print('Hello World!')


def stop_loop(loop):
    print('Stopping loop')
    loop.stop()


print(loop.call_later(10, hello_world))    # call_later 返回一个 TimerHandle
print(loop.call_later(20, functools.partial(stop_loop, loop)))
handle = loop.call_later(15, hello_world)
handle.cancel()                             # 取消：这个回调永远不会执行
print(handle)

loop.run_forever()
loop.close()
