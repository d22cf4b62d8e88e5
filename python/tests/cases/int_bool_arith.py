# feature: bool is a subclass of int: arithmetic, sum of bools, repr
print(True + True, True * 10, False - 1, True / 2)
print(sum([True, False, True, True]), isinstance(True, int), type(True).__name__)
print(True == 1, False == 0, True is True, str(True), repr(False))
print(int(True), bool(5), bool(0), bool(-1), bool(""), bool("False"))
print(max(True, 2), 3 > True, [10, 20][True])
