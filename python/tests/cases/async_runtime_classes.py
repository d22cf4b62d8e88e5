# asyncio's classes of queues, locks, events, futures and tasks: printed as CPython prints
# them, isinstance and type() of what they make, and calling them (Future(), Task(coro)).
import asyncio
async def main():
    q = asyncio.Queue()
    print(asyncio.Queue, asyncio.LifoQueue, asyncio.Lock, asyncio.BoundedSemaphore)
    print(isinstance(q, asyncio.Queue), isinstance(asyncio.LifoQueue(), asyncio.Queue), type(q) is asyncio.Queue)
    print(isinstance(asyncio.BoundedSemaphore(), asyncio.Semaphore), isinstance(asyncio.Lock(), asyncio.Event))
    print(isinstance(asyncio.Event(), asyncio.Event), isinstance(asyncio.Condition(), asyncio.Condition))
    f = asyncio.Future()
    print(asyncio.Future, asyncio.Task, isinstance(f, asyncio.Future))
    t = asyncio.create_task(asyncio.sleep(0))
    print(isinstance(t, asyncio.Task), isinstance(t, asyncio.Future))
    t2 = asyncio.Task(asyncio.sleep(0, 'r'))
    print(t2.get_name(), await t2)
    f.set_result(5)
    print(await f)
    await t
    print(repr(asyncio.Queue.__name__), type(asyncio.Semaphore(2)).__name__)

asyncio.run(main())
