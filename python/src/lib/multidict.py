# `multidict` (aiohttp's headers and queries) for Loopscope's Python, written in the Python it
# runs: a name may come more than once, in order; `CIMultiDict` finds names in any case, as HTTP
# header names are. Its frames are left out of tracebacks, as the C extension's are.


class MultiDict:
    _tp_name = "multidict._multidict.MultiDict"

    def __init__(self, items=()):
        if isinstance(items, (MultiDict, MultiDictProxy)):
            items = items.items()
        elif isinstance(items, dict):
            items = items.items()
        self._items = [(k, v) for k, v in items]

    def _key(self, name):
        return name

    def _find(self, name):
        key = self._key(name)
        return [v for k, v in self._items if self._key(k) == key]

    def __getitem__(self, name):
        found = self._find(name)
        if not found:
            raise KeyError(name)
        return found[0]

    def get(self, name, default=None):
        found = self._find(name)
        return found[0] if found else default

    def getone(self, name, *default):
        found = self._find(name)
        if found:
            return found[0]
        if default:
            return default[0]
        raise KeyError(name)

    def getall(self, name, *default):
        found = self._find(name)
        if found:
            return found
        if default:
            return default[0]
        raise KeyError(name)

    def __contains__(self, name):
        return bool(self._find(name))

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter([k for k, v in self._items])

    def keys(self):
        return [k for k, v in self._items]

    def values(self):
        return [v for k, v in self._items]

    def items(self):
        return list(self._items)

    def __setitem__(self, name, value):
        key = self._key(name)
        self._items = [(k, v) for k, v in self._items if self._key(k) != key]
        self._items.append((name, value))

    def add(self, name, value):
        self._items.append((name, value))

    def __delitem__(self, name):
        if name not in self:
            raise KeyError(name)
        key = self._key(name)
        self._items = [(k, v) for k, v in self._items if self._key(k) != key]

    def __eq__(self, other):
        if isinstance(other, (MultiDict, MultiDictProxy)):
            return self.items() == other.items()
        if isinstance(other, dict):
            return dict(self.items()) == other
        return NotImplemented

    def copy(self):
        return type(self)(self._items)

    def __repr__(self):
        body = ", ".join("%r: %r" % (k, v) for k, v in self._items)
        return "<%s(%s)>" % (type(self).__name__, body)


class CIMultiDict(MultiDict):
    _tp_name = "multidict._multidict.CIMultiDict"

    def _key(self, name):
        return name.lower()


class MultiDictProxy:
    _tp_name = "multidict._multidict.MultiDictProxy"

    def __init__(self, d):
        self._d = d

    def __getitem__(self, name):
        return self._d[name]

    def get(self, name, default=None):
        return self._d.get(name, default)

    def getone(self, name, *default):
        return self._d.getone(name, *default)

    def getall(self, name, *default):
        return self._d.getall(name, *default)

    def __contains__(self, name):
        return name in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def __eq__(self, other):
        return self._d == other

    def copy(self):
        return self._d.copy()

    def __repr__(self):
        body = ", ".join("%r: %r" % (k, v) for k, v in self._d.items())
        return "<%s(%s)>" % (type(self).__name__, body)


class CIMultiDictProxy(MultiDictProxy):
    _tp_name = "multidict._multidict.CIMultiDictProxy"
