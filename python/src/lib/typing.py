# `typing` for Loopscope's Python, written in the Python it runs: the names a program's type
# hints use, so hinted code runs as in CPython. Hints are not checked (CPython does not check
# them either); a subscripted hint (`List[int]`, `Optional[str]`) is an object that prints as
# CPython's does. `Generic[T]` can be a base class; `TypeVar`, `cast`, `overload`, `NewType`,
# `TYPE_CHECKING` and `get_type_hints` (of what the interpreter keeps: nothing) are here too.
# Its frames are left out of tracebacks, as CPython's C frames are.

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if obj is ...:
        return "..."
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    return repr(obj)


def _no_none(param):
    # In a hint, None stands for its type.
    if param is None:
        return type(None)
    if isinstance(param, list):
        return [_no_none(p) for p in param]
    return param


class _Hint:
    _tp_name = "typing._SpecialForm"

    def __init__(self, name, args=None):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        if self.__args__ is not None:
            raise TypeError(f"{self!r} is not a generic class")
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_no_none(p) for p in params)
        if self._name == "Optional":
            return _Hint("Union", (params[0], type(None)))
        return _Hint(self._name, params)

    def __repr__(self):
        if self.__args__ is None:
            return "typing." + self._name
        if self._name == "Union" and len(self.__args__) == 2 and self.__args__[1] is type(None):
            return "typing.Optional[" + _type_repr(self.__args__[0]) + "]"
        if self._name == "Tuple" and self.__args__ == ():
            return "typing.Tuple[()]"
        return "typing." + self._name + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __eq__(self, other):
        return isinstance(other, _Hint) and self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate {self!r}")


Any = _Hint("Any")
NoReturn = _Hint("NoReturn")
Never = _Hint("Never")
Self = _Hint("Self")
ClassVar = _Hint("ClassVar")
Final = _Hint("Final")
Literal = _Hint("Literal")
Union = _Hint("Union")
Optional = _Hint("Optional")
List = _Hint("List")
Dict = _Hint("Dict")
Set = _Hint("Set")
FrozenSet = _Hint("FrozenSet")
Tuple = _Hint("Tuple")
Type = _Hint("Type")
Callable = _Hint("Callable")
Iterable = _Hint("Iterable")
Iterator = _Hint("Iterator")
Generator = _Hint("Generator")
Sequence = _Hint("Sequence")
Mapping = _Hint("Mapping")
MutableMapping = _Hint("MutableMapping")
Awaitable = _Hint("Awaitable")
Coroutine = _Hint("Coroutine")
AsyncIterable = _Hint("AsyncIterable")
AsyncIterator = _Hint("AsyncIterator")
AsyncGenerator = _Hint("AsyncGenerator")
Deque = _Hint("Deque")
DefaultDict = _Hint("DefaultDict")
Counter = _Hint("Counter")


class TypeVar:
    _tp_name = "typing.TypeVar"

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return "~" + self.__name__


class Generic:
    _tp_name = "typing.Generic"

    @classmethod
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    _tp_name = "typing.Protocol"


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type


def get_type_hints(obj, globalns=None, localns=None):
    return {}
