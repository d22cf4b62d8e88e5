# feature: loop.call_soon / call_later handles as asyncio writes them (plain, with arguments, a
# partial, a built-in, cancelled), the loop's repr as it runs and once closed, run_forever / stop
import asyncio
import functools


def say(loop, text, last=False):
    print(text, loop.is_running())
    if last:
        loop.stop()


loop = asyncio.new_event_loop()
print(loop)
h1 = loop.call_later(0.2, say, loop, "later", True)
h2 = loop.call_soon(say, loop, "soon")
h3 = loop.call_soon(functools.partial(say, loop, "a string long enough for reprlib to cut it short"))
h4 = loop.call_soon(print, "built-in", 1)
for h in (h1, h2, h3, h4):
    print(h)
h4.cancel()
print(h4, h4.cancelled())
print(h1.when())
print(loop.is_running(), loop.is_closed())
loop.call_soon(lambda: print(loop))
loop.run_forever()
print(loop.is_running(), loop.is_closed())
loop.close()
print(loop)
