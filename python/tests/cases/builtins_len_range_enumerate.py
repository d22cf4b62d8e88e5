# feature: len of containers and strings, range in for with enumerate, reversed enumerate
print(len("abc"), len([1, 2]), len({"a": 1}), len(set()), len(range(0, 10, 3)), len((1,)))
for i, ch in enumerate("xyz", 10):
    print(i, ch)
print(list(reversed(list(enumerate("ab")))))
print([i for i in range(len("hello")) if "hello"[i] == "l"])
