# feature: three-level chain mixing cause and context, with __cause__/__context__ inspection
def level1():
    raise ValueError("level1")

def level2():
    try:
        level1()
    except ValueError as e:
        raise TypeError("level2") from e

def level3():
    try:
        level2()
    except TypeError:
        raise KeyError("level3")

try:
    level3()
except KeyError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__cause__))
    print(e.__cause__, e.__suppress_context__, e.__context__.__suppress_context__)
level3()
