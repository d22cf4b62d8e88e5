# feature: the exact texts of common TypeErrors, caught and printed
def f(x):
    return x

five, four, none, word = 5, 4, None, "abc"

cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: five(),
    lambda: f(),
    lambda: f(1, 2),
    lambda: four[0],
    lambda: none[0],
    lambda: [x for x in None],
    lambda: {[1]: 2},
    lambda: len(5),
    lambda: "a" * "b",
    lambda: -"a",
    lambda: 1 < "a",
    lambda: sum(["a", "b"]),
    lambda: int([1]),
    lambda: f(y=1),
    lambda: word[1.5],
    lambda: hash([]),
    lambda: "x".join([1, 2]),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
