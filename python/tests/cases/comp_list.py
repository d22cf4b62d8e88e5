# feature: list comprehensions with conditions, expressions and function calls
nums = range(10)
print([n * n for n in nums])
print([n for n in nums if n % 3 == 0])
print([n if n % 2 else -n for n in nums])
print([str(n) + "!" for n in [1, 22, 333]])
print([c for c in "Hello World" if c.isupper()])
print([len(w) for w in "the quick brown fox".split()])
