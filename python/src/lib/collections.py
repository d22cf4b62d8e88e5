# `collections` for Loopscope's Python, written in the Python it runs. CPython's are C types
# (or dict subclasses); these behave as they do for what a course program does with them.
# Their frames are left out of tracebacks, as CPython's C frames are.


class deque:
    _tp_name = "collections.deque"

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._items = []
        self._state = 0
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x):
        self._state += 1
        items = self._items
        items.append(x)
        if self._maxlen is not None and len(items) > self._maxlen:
            del items[0]

    def appendleft(self, x):
        self._state += 1
        items = self._items
        items.insert(0, x)
        if self._maxlen is not None and len(items) > self._maxlen:
            items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._items.pop(0)

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1):
        items = self._items
        size = len(items)
        if size > 1:
            n = n % size
            if n:
                self._state += 1
                items[:] = items[size - n:] + items[:size - n]

    def clear(self):
        self._state += 1
        self._items.clear()

    def copy(self):
        return deque(self._items, self._maxlen)

    def __copy__(self):
        return self.copy()

    def count(self, x):
        return self._items.count(x)

    def index(self, x, start=0, stop=None):
        items = self._items
        if stop is None:
            stop = len(items)
        for i in range(start, min(stop, len(items))):
            if items[i] == x:
                return i
        raise ValueError(repr(x) + " is not in deque")

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._state += 1
        self._items.insert(i, x)

    def remove(self, value):
        items = self._items
        for i in range(len(items)):
            if items[i] == value:
                self._state += 1
                del items[i]
                return
        raise ValueError(repr(value) + " is not in deque")

    def reverse(self):
        self._state += 1
        self._items.reverse()

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return len(self._items) > 0

    def __iter__(self):
        items = self._items
        state = self._state
        i = 0
        while i < len(items):
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
            yield items[i]
            i += 1
        if self._state != state:
            raise RuntimeError("deque mutated during iteration")

    def __reversed__(self):
        items = self._items
        state = self._state
        i = len(items) - 1
        while i >= 0:
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
            yield items[i]
            i -= 1

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '" + type(i).__name__ + "'")
        n = len(self._items)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        return self._items[self._index(i)]

    def __setitem__(self, i, x):
        self._items[self._index(i)] = x

    def __delitem__(self, i):
        i = self._index(i)
        self._state += 1
        del self._items[i]

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        if isinstance(other, deque):
            return self._items == other._items
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, deque):
            return self._items != other._items
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, deque):
            return self._items < other._items
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, deque):
            return self._items <= other._items
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, deque):
            return self._items > other._items
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, deque):
            return self._items >= other._items
        return NotImplemented

    def __mul__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        return deque(self._items * n, self._maxlen)

    def __rmul__(self, n):
        return self.__mul__(n)

    def __imul__(self, n):
        items = self._items * n
        self.clear()
        self.extend(items)
        return self

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + type(other).__name__ + '") to deque')
        return deque(self._items + other._items, self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __repr__(self):
        if self._maxlen is None:
            return "deque(" + repr(self._items) + ")"
        return "deque(" + repr(self._items) + ", maxlen=" + str(self._maxlen) + ")"


class _DictLike:
    # What `defaultdict`, `Counter` and `OrderedDict` share: a dict they hold, used as the
    # dict they are in CPython.
    _is_a_dict = True

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        if key not in self._d:
            raise KeyError(key)
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __bool__(self):
        return len(self._d) > 0

    def __iter__(self):
        return iter(self._d)

    def __reversed__(self):
        return reversed(self._d)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, *default):
        d = self._d
        if key in d:
            return d.pop(key)
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        if not self._d:
            raise KeyError("popitem(): dictionary is empty")
        return self._d.popitem()

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def update(self, *args, **kwargs):
        for other in args:
            if isinstance(other, _DictLike):
                other = other._d
            self._d.update(other)
        if kwargs:
            self._d.update(kwargs)

    def clear(self):
        self._d.clear()

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._d == other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented

    def __ne__(self, other):
        eq = self.__eq__(other)
        if eq is NotImplemented:
            return eq
        return not eq

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.clear()
        new.update(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


class defaultdict(_DictLike):
    _tp_name = "collections.defaultdict"

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        self._d = {}
        self.update(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def __getitem__(self, key):
        d = self._d
        if key in d:
            return d[key]
        return self.__missing__(key)

    def copy(self):
        return defaultdict(self.default_factory, self._d)

    def __repr__(self):
        return "defaultdict(" + repr(self.default_factory) + ", " + repr(self._d) + ")"


class Counter(_DictLike):
    def __init__(self, iterable=None, **kwds):
        self._d = {}
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def __getitem__(self, key):
        d = self._d
        if key in d:
            return d[key]
        return 0

    def __delitem__(self, key):
        if key in self._d:
            del self._d[key]

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        ranked = sorted(self._d.items(), key=_count_of, reverse=True)
        if n is None:
            return ranked
        return ranked[:max(n, 0)]

    def elements(self):
        for elem, count in self._d.items():
            for _ in range(count):
                yield elem

    def update(self, iterable=None, **kwds):
        d = self._d
        if iterable is not None:
            if isinstance(iterable, _DictLike):
                iterable = iterable._d
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    d[elem] = count + d.get(elem, 0)
            else:
                for elem in iterable:
                    d[elem] = d.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        d = self._d
        if iterable is not None:
            if isinstance(iterable, _DictLike):
                iterable = iterable._d
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    d[elem] = d.get(elem, 0) - count
            else:
                for elem in iterable:
                    d[elem] = d.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self)

    def __eq__(self, other):
        if isinstance(other, Counter):
            return all(self[e] == other[e] for c in (self, other) for e in c)
        return _DictLike.__eq__(self, other)

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            # A plain dict's union, as dict.__ror__ gives in CPython.
            if isinstance(other, dict):
                return dict(self._d) | other
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __ror__(self, other):
        if isinstance(other, dict):
            return other | dict(self._d)
        return NotImplemented

    def __ior__(self, other):
        result = self | other
        if result is NotImplemented:
            return result
        self._d = result._d
        return self

    def __repr__(self):
        if not self._d:
            return "Counter()"
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self._d)
        return "Counter(" + repr(d) + ")"


def _count_of(item):
    return item[1]


class OrderedDict(_DictLike):
    _tp_name = "collections.OrderedDict"

    def __init__(self, *args, **kwargs):
        self._d = {}
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        d = self._d
        if key in d:
            return d[key]
        raise KeyError(key)

    def move_to_end(self, key, last=True):
        d = self._d
        if key not in d:
            raise KeyError(key)
        value = d.pop(key)
        if last:
            d[key] = value
        else:
            rest = list(d.items())
            d.clear()
            d[key] = value
            for k, v in rest:
                d[k] = v

    def popitem(self, last=True):
        d = self._d
        if not d:
            raise KeyError("dictionary is empty")
        if last:
            return d.popitem()
        key = next(iter(d))
        return (key, d.pop(key))

    def copy(self):
        return OrderedDict(self._d)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        return _DictLike.__eq__(self, other)

    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self._d.items())) + ")"
