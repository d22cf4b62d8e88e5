# What a host (the page's runtime) calls to step the program's objects from its own code. Its
# frames are left out of tracebacks, as CPython's C frames are.


async def anext_or_end(iterator):
    # The next item of an async iterator as (True, item), or (False, None) at its end.
    try:
        return True, await iterator.__anext__()
    except StopAsyncIteration:
        return False, None


def call(function, *args, **kwargs):
    # A greenlet's body when its run is not a Python function (a built-in, a class): the call
    # is made at the body's own level, where a greenlet may wait.
    return function(*args, **kwargs)


async def to_thread(func, *args, **kwargs):
    # asyncio.to_thread: a coroutine handing the call to the loop's default pool (the page's
    # Web Workers) when it is awaited, as CPython's does.
    import asyncio
    import functools

    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, functools.partial(func, *args, **kwargs))
