import asyncio
import functools

loop = asyncio.new_event_loop()
print(loop.is_running())    # False: run_forever has not been called yet


def hello_world():
    print("Hello World")


def stop_loop(loop):
    print("Stopping loop")
    loop.stop()


loop.call_soon(hello_world)                           # hello_world registered first
loop.call_soon(functools.partial(stop_loop, loop))    # then stop_loop: they run in that order
loop.run_forever()                                    # returns once stop_loop has run
loop.close()
