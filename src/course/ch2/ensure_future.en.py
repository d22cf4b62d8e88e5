import asyncio


@asyncio.coroutine                 # old style: deprecated in 3.8, removed in 3.11
def f1():
    print(1)
    yield from asyncio.sleep(2)    # on I/O, hand control back to the loop
    print(2)


@asyncio.coroutine
def f2():
    print(3)
    yield from asyncio.sleep(2)
    print(4)


tasks = [
    asyncio.ensure_future(f1()),
    asyncio.ensure_future(f2()),
]
loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.wait(tasks))    # 1 3, then 2 4 two seconds later
