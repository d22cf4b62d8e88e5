# feature: an exception's __traceback__ is a traceback object once raised (None before), and can be set to None or back; anything else is a TypeError
def f():
    raise KeyError("x")
try:
    f()
except KeyError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb is not None, ValueError().__traceback__)
    e.__traceback__ = None
    print(e.__traceback__)
    try:
        e.__traceback__ = 5
    except TypeError as t:
        print("TypeError:", t)
