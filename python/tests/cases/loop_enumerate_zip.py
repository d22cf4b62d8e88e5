# feature: enumerate with start, zip of several iterables (stops at shortest), dict(zip())
names = ["ann", "bob", "cid"]
ages = [31, 25, 40, 99]
for i, name in enumerate(names, start=1):
    print(i, name)
for name, age in zip(names, ages):
    print(name, age)
print(list(zip(names, ages, "xyz")))
print(dict(zip(names, ages)))
print(list(enumerate("ab")), list(zip()))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
