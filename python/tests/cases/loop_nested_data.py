# feature: iterating nested lists and dicts with tuple unpacking in for targets
matrix = [[1, 2, 3], [4, 5, 6]]
for row in matrix:
    for v in row:
        print(v, end=" ")
    print()
pairs = [("a", 1), ("b", 2)]
for name, val in pairs:
    print(name * val)
scores = {"ann": [90, 80], "bo": [70]}
for who, marks in scores.items():
    print(who, sum(marks) / len(marks))
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a + b)
