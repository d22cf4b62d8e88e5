# feature: set operators | & - ^ on int sets, comparisons (subset), printing small int sets
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([7]), a.intersection(b, {4}), a.difference({1}), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {1}, a.isdisjoint({9}), a.issubset(range(10)))
print(set(), {0}, set([3, 3, 1]), len(a | b), frozenset({2, 1}))
