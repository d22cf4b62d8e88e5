# feature: comparisons between ints, floats, big ints; equality of int and float
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, -10 ** 400 < -1e308, 0 == -0.0, 1 < 1.5 < 2)
print(max(3, 2.5), min(-1, -1.0), sorted([3, 1.5, 2, -0.5, 10 ** 20]))
print(round(7 / 2), 7 // 2 == 3, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
