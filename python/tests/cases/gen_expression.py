# feature: generator expressions: laziness, sum/any/all/min consuming them, single use
gen = (x * x for x in range(5))
print(sum(gen))
print(sum(gen))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print(max((len(w), w) for w in ["aa", "b", "cccc"]))
evens = (n for n in range(20) if n % 2 == 0)
print(next(evens), next(evens), list(evens))
print(list(c.upper() for c in "abc"))
