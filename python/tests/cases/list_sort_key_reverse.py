# feature: sort/sorted with key and reverse; sort stability; sorting tuples
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
pairs.sort()
print(pairs)
records = [("x", 3), ("y", 1), ("z", 3), ("w", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: -r[1]))
nums = [5, 2, 8, 1]
nums.sort(reverse=True)
print(nums, sorted("hello"), sorted({3: "a", 1: "b"}))
