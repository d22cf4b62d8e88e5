# feature: lambdas with defaults, in sorted/map/filter, immediately called
people = [("bob", 25), ("alice", 30), ("carol", 25)]
print(sorted(people, key=lambda p: (p[1], p[0])))
print(list(map(lambda x: x ** 2, range(6))))
print(list(filter(lambda s: len(s) > 3, ["a", "abcd", "xyz", "hello"])))
print((lambda a, b=10: a + b)(5))
print((lambda *xs: sum(xs))(1, 2, 3))
f = lambda: "no args"
print(f())
