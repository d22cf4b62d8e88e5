# `itertools` for Loopscope's Python, written in the Python it runs: each tool is a class of
# CPython's name (so `type(x).__name__` agrees), checking its arguments when it is made, as the
# C ones do, and stepping a generator. Their frames are left out of tracebacks, as CPython's C
# frames are.


class _Iterator:
    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


def _index(value, what):
    if value is None:
        return None
    if not isinstance(value, int) or value < 0:
        raise ValueError(what)
    return value


class count(_Iterator):
    _tp_name = "itertools.count"

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return "count(" + repr(self._n) + ")"
        return "count(" + repr(self._n) + ", " + repr(self._step) + ")"


class repeat(_Iterator):
    _tp_name = "itertools.repeat"

    def __init__(self, object, times=None):
        self._object = object
        if times is not None and not isinstance(times, int):
            raise TypeError("'" + type(times).__name__ + "' object cannot be interpreted as an integer")
        self._times = None if times is None else max(times, 0)

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __repr__(self):
        if self._times is None:
            return "repeat(" + repr(self._object) + ")"
        return "repeat(" + repr(self._object) + ", " + str(self._times) + ")"


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


class cycle(_Iterator):
    _tp_name = "itertools.cycle"

    def __init__(self, iterable):
        self._it = _cycle(iter(iterable))


def _chain(iterables):
    for it in iterables:
        for element in it:
            yield element


class chain(_Iterator):
    _tp_name = "itertools.chain"

    def __init__(self, *iterables):
        self._it = _chain(iterables)

    @classmethod
    def from_iterable(cls, iterable):
        made = cls()
        made._it = _chain(iterable)
        return made


def _islice(it, start, stop, step):
    # CPython's islice_next, step by step: what it consumes from `it` is what this consumes.
    cnt = 0
    nxt = start
    while True:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


class islice(_Iterator):
    _tp_name = "itertools.islice"

    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
            stop = _index(stop, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
            start = _index(start, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            stop = _index(stop, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        else:
            raise TypeError("islice expected at most 4 arguments, got " + str(len(args) + 1))
        if step is not None and (not isinstance(step, int) or step < 1):
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = _islice(iter(iterable), start or 0, stop, step or 1)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        if func is None:
            total = total + element
        else:
            total = func(total, element)
        yield total


class accumulate(_Iterator):
    _tp_name = "itertools.accumulate"

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = _accumulate(iter(iterable), func, initial)


class groupby:
    _tp_name = "itertools.groupby"

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _MARKER
        self._id = None

    def __iter__(self):
        return self

    def _key(self, value):
        if self._keyfunc is None:
            return value
        return self._keyfunc(value)

    def __next__(self):
        self._id = object()
        while self._currkey is _MARKER or (self._tgtkey is not _MARKER and self._currkey == self._tgtkey):
            self._currvalue = next(self._it)
            self._currkey = self._key(self._currvalue)
        self._tgtkey = self._currkey
        return (self._currkey, _grouper(self, self._tgtkey, self._id))


_MARKER = object()


class _grouper(_Iterator):
    _tp_name = "itertools._grouper"

    def __init__(self, parent, tgtkey, id):
        self._it = _group(parent, tgtkey, id)


def _group(parent, tgtkey, id):
    while parent._id is id and parent._currkey == tgtkey:
        yield parent._currvalue
        try:
            parent._currvalue = next(parent._it)
        except StopIteration:
            parent._currkey = _MARKER
            parent._tgtkey = _MARKER
            parent._it = iter(())
            return
        parent._currkey = parent._key(parent._currvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i in range(len(iterators)):
            it = iterators[i]
            if it is None:
                values.append(fillvalue)
                continue
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


class zip_longest(_Iterator):
    _tp_name = "itertools.zip_longest"

    def __init__(self, *iterables, fillvalue=None):
        self._it = _zip_longest([iter(it) for it in iterables], fillvalue)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


class product(_Iterator):
    _tp_name = "itertools.product"

    def __init__(self, *iterables, repeat=1):
        if not isinstance(repeat, int):
            raise TypeError("'" + type(repeat).__name__ + "' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        self._it = _product([tuple(pool) for pool in iterables] * repeat)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def _r(r):
    if not isinstance(r, int):
        raise TypeError("'" + type(r).__name__ + "' object cannot be interpreted as an integer")
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


class permutations(_Iterator):
    _tp_name = "itertools.permutations"

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        self._it = _permutations(pool, len(pool) if r is None else _r(r))


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        found = -1
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                found = i
                break
        if found < 0:
            return
        i = found
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


class combinations(_Iterator):
    _tp_name = "itertools.combinations"

    def __init__(self, iterable, r):
        self._it = _combinations(tuple(iterable), _r(r))


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        found = -1
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                found = i
                break
        if found < 0:
            return
        i = found
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_Iterator):
    _tp_name = "itertools.combinations_with_replacement"

    def __init__(self, iterable, r):
        self._it = _combinations_with_replacement(tuple(iterable), _r(r))


def _starmap(function, it):
    for args in it:
        yield function(*args)


class starmap(_Iterator):
    _tp_name = "itertools.starmap"

    def __init__(self, function, iterable):
        self._it = _starmap(function, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            return


class takewhile(_Iterator):
    _tp_name = "itertools.takewhile"

    def __init__(self, predicate, iterable):
        self._it = _takewhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


class dropwhile(_Iterator):
    _tp_name = "itertools.dropwhile"

    def __init__(self, predicate, iterable):
        self._it = _dropwhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    for x in it:
        if predicate is None:
            if not x:
                yield x
        elif not predicate(x):
            yield x


class filterfalse(_Iterator):
    _tp_name = "itertools.filterfalse"

    def __init__(self, predicate, iterable):
        self._it = _filterfalse(predicate, iter(iterable))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


class compress(_Iterator):
    _tp_name = "itertools.compress"

    def __init__(self, data, selectors):
        self._it = _compress(iter(data), iter(selectors))


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield (a, b)
        a = b


class pairwise(_Iterator):
    _tp_name = "itertools.pairwise"

    def __init__(self, iterable):
        self._it = _pairwise(iter(iterable))


class _tee(_Iterator):
    _tp_name = "itertools._tee"

    def __init__(self, source, buffers, mine):
        self._source = source
        self._buffers = buffers
        self._mine = mine

    def __next__(self):
        mine = self._mine
        if not mine:
            value = next(self._source)
            for b in self._buffers:
                b.append(value)
        return mine.pop(0)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'" + type(n).__name__ + "' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_tee(source, buffers, b) for b in buffers)
