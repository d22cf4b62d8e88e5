# feature: set comprehensions of ints (small int sets print in a deterministic order)
print({n % 5 for n in range(20)})
print({x * x for x in [-3, -2, -1, 0, 1, 2, 3]})
print(sorted({w.lower() for w in ["A", "b", "a", "B", "c"]}))
s = {len(w) for w in "one three five seven".split()}
print(s, len(s), 5 in s)
