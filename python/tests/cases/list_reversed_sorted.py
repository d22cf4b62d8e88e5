# feature: reversed() and sorted() return new sequences; list.reverse in place
xs = [3, 1, 2]
print(list(reversed(xs)), sorted(xs), xs)
xs.reverse()
print(xs)
print(list(reversed(range(5))), list(reversed("abc")), sorted([3, 1, 2], reverse=True))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([-3, 2, -1], key=abs))
