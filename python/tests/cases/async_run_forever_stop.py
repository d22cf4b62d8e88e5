# feature: loop.run_forever with loop.stop from a callback; new_event_loop and close
import asyncio

loop = asyncio.new_event_loop()

def tick(n):
    print("tick", n, round(loop.time(), 2))
    if n == 3:
        loop.stop()
    else:
        loop.call_later(0.5, tick, n + 1)

loop.call_soon(tick, 1)
print("running forever")
loop.run_forever()
print("stopped, closed?", loop.is_closed())
loop.close()
print("closed?", loop.is_closed())
