# `contextlib` for Loopscope's Python, written in the Python it runs: `contextmanager`,
# `asynccontextmanager`, `suppress`, `closing`, `aclosing` and `nullcontext`, which behave as
# CPython's do for what a program does with them (a generator's exception thrown back into it at
# its `yield`, an exception the body raised that the generator swallows being suppressed).
# Its frames are left out of tracebacks, as CPython's C frames are.


def _thrown_back(value, exc, traceback, stop):
    # Leaving the block with `value` raised in it, thrown into the generator at its yield, which
    # came out as `exc`: the generator stopped (the exception is swallowed, unless it is the
    # one thrown), or `value` goes on as it came (with its own traceback), or the generator
    # raised another exception, which goes on instead.
    if isinstance(exc, stop):
        return exc is not value
    if exc is value:
        exc.__traceback__ = traceback
        return False
    if isinstance(exc, RuntimeError) and isinstance(value, (StopIteration, StopAsyncIteration)):
        if exc.__cause__ is value:
            return False
    raise exc


class _GeneratorContextManager:
    _tp_name = "contextlib._GeneratorContextManager"

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except BaseException as exc:
            return _thrown_back(value, exc, traceback, StopIteration)
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager:
    _tp_name = "contextlib._AsyncGeneratorContextManager"

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)

    async def __aenter__(self):
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except BaseException as exc:
            return _thrown_back(value, exc, traceback, StopAsyncIteration)
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    helper.__name__ = func.__name__
    helper.__qualname__ = func.__qualname__
    helper.__doc__ = func.__doc__
    return helper


def asynccontextmanager(func):
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    helper.__name__ = func.__name__
    helper.__qualname__ = func.__qualname__
    helper.__doc__ = func.__doc__
    return helper


class suppress:
    _tp_name = "contextlib.suppress"

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, typ, value, traceback):
        return typ is not None and issubclass(typ, self._exceptions)


class closing:
    _tp_name = "contextlib.closing"

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing:
    _tp_name = "contextlib.aclosing"

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class nullcontext:
    _tp_name = "contextlib.nullcontext"

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass
