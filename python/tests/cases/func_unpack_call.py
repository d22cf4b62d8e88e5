# feature: calling with *iterable and **mapping unpacking, several at once
def f(a, b, c, d=0, e=0):
    return [a, b, c, d, e]

args = (1, 2)
kw = {"e": 5}
print(f(*args, 3))
print(f(*args, *[3, 4]))
print(f(*range(3), **kw))
print(f(1, *"xy", **{"d": 9}, **kw))
