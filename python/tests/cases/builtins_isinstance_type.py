# feature: isinstance with tuples of types, type() comparisons, bool vs int, None checks
values = [1, 2.0, "s", [1], (1,), {1: 2}, {1}, None, True, b"x", range(1)]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), v is None)
print(isinstance(True, int), type(True) is int, type(1) == int, isinstance(3, (str, float)))
print(issubclass(bool, int), issubclass(int, (str, object)))
