import asyncio
import functools

loop = asyncio.new_event_loop()


def stop_loop(loop):
    print("Stopping loop")
    loop.stop()


say_hello = functools.partial(print, "Hello World!")    # the same as hello_world()
print(say_hello.func)    # a partial keeps the function it will call as data...
print(say_hello.args)    # ...and its arguments: you can look at them, unlike a function's code
loop.call_soon(say_hello)
loop.call_soon(functools.partial(stop_loop, loop))      # the same as stop_loop(loop)
loop.run_forever()
loop.close()
