# feature: sum with start, any/all on empty and non-empty iterables, short-circuiting any
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum([0.5, 0.25]), sum(range(5), start=-10))
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any("") , all("abc"))

def check(x):
    print("checking", x)
    return x > 1

print(any(check(x) for x in [0, 2, 5]))
print(all(check(x) for x in [3, 1, 5]))
