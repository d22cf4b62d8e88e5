# feature: itertools product/permutations/combinations/combinations_with_replacement and groupby (lib_: optional module)
from itertools import product, permutations, combinations, combinations_with_replacement, groupby

print(list(product("ab", [0, 1])), len(list(product(range(3), repeat=3))))
print(list(product()), list(product("ab", [])))
print(list(permutations([1, 2, 3])))
print(list(permutations("abcd", 2))[:5], list(permutations("ab", 3)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("abc", 2)))
for key, group in groupby("aaabccdaa"):
    print(key, list(group))
rows = [("fruit", "apple"), ("fruit", "pear"), ("veg", "leek"), ("fruit", "fig")]
print([(k, [name for _, name in g]) for k, g in groupby(rows, key=lambda r: r[0])])
keys = [k for k, _ in groupby([1, 1, 2, 2, 2, 3])]
print(keys)
g = groupby([1, 1, 2])
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, k2, list(g1), list(g2))
try:
    list(permutations("ab", -1))
except ValueError as e:
    print("ValueError:", e)
