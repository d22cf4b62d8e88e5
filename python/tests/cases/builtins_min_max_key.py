# feature: min/max with key=, default=, several arguments, ties returning the first
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max(words, key=lambda w: w[-1]), min(3, 1, 2), max([4, 8, 8], key=lambda x: -x))
print(max([], default=None), min((x for x in []), default="none"))
scores = {"ann": 88, "bob": 95, "cid": 95}
print(max(scores, key=scores.get), min(scores.items(), key=lambda kv: kv[1]))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
