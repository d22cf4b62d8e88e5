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
