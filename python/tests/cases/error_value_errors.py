# feature: ValueError texts: int(), float(), list.index, list.remove, unpacking, str.index
cases = [
    lambda: int("12a"),
    lambda: int("ff", 10),
    lambda: int(""),
    lambda: float("abc"),
    lambda: [1, 2].index(5),
    lambda: [1, 2].remove(5),
    lambda: "abc".index("z"),
    lambda: "a,b".split(""),
    lambda: max([]),
    lambda: range(1, 5, 0),
    lambda: int("3.5"),
    lambda: chr(-1),
]
for c in cases:
    try:
        c()
    except ValueError as e:
        print(type(e).__name__, e)
