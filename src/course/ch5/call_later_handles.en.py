import asyncio
import functools

loop = asyncio.new_event_loop()    # the course calls get_event_loop(); newer Pythons advise against it with no loop running


def hello_world():
    print('Hello World!')


def stop_loop(loop):
    print('Stopping loop')
    loop.stop()


print(loop.call_later(10, hello_world))    # call_later returns a TimerHandle
print(loop.call_later(20, functools.partial(stop_loop, loop)))
handle = loop.call_later(15, hello_world)
handle.cancel()                             # cancelled: this callback never runs
print(handle)

loop.run_forever()
loop.close()
