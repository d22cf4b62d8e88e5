# feature: module-level code runs outside the loop: get_running_loop / current_task /
# create_task there raise, run_until_complete gives the result back, a loop stopped before
# its future is done, closing a running loop, a closed loop refusing to run
import asyncio


async def f():
    return 42


for call in (asyncio.get_running_loop, asyncio.current_task):
    try:
        call()
    except RuntimeError as e:
        print(call.__name__, e)
loop = asyncio.new_event_loop()
print(loop.run_until_complete(f()))
t = loop.create_task(f())
print(t.done(), t.get_name())
print(loop.run_until_complete(t), t.done())


async def stopper():
    loop.stop()
    await asyncio.sleep(0.5)
    return 1


t2 = loop.create_task(stopper())
try:
    loop.run_until_complete(t2)
except RuntimeError as e:
    print("stopped:", e, t2.done())


async def inside():
    print(asyncio.get_running_loop() is loop, asyncio.current_task().get_name())
    try:
        loop.close()
    except RuntimeError as e:
        print("close:", e)
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("run_forever:", e)
    coro = f()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("run:", e)
    coro.close()


loop.run_until_complete(inside())
print(loop.run_until_complete(t2), loop.time())
loop.close()
try:
    loop.run_forever()
except RuntimeError as e:
    print("closed:", e)
