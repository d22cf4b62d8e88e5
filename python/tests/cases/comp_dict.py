# feature: dict comprehensions: from pairs, inverted mapping, filtered, with enumerate
words = ["apple", "banana", "cherry", "date"]
print({w: len(w) for w in words})
print({i: w[0] for i, w in enumerate(words)})
lengths = {w: len(w) for w in words if len(w) > 4}
print(lengths)
print({v: k for k, v in lengths.items()})
print({x: x ** 2 for x in range(5)})
