# feature: tuples: packing, singletons, indexing, count/index, concatenation, comparison, hashing
t = 1, 2, 3
single = (5,)
empty = ()
print(t, single, empty, type(single).__name__, len(empty))
print(t[0], t[-1], t[1:], t + (4,), t * 2, t.count(2), t.index(3))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9))
print({(1, 2): "pair"}[(1, 2)], tuple([1, 2]), tuple("ab"), (1, [2]))
x, y = (10, 20)
print(x, y, (x, y) == (10, 20))
