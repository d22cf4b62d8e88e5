# feature: iter() and next() on lists, strings, dicts; StopIteration default values
it = iter([1, 2])
print(next(it), next(it), next(it, None))
s = iter("hey")
print(list(s), list(s))
d = iter({"a": 1, "b": 2})
print(next(d), next(d))
r = iter(range(3))
print(next(r), list(r))
