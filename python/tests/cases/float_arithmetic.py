# feature: true division, floor division and modulo on floats, mixed int/float arithmetic
print(7 / 2, 6 / 3, -7 / 2, 7 // 2.0, -7 // 2.0, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(2 ** 0.5, 2 ** -1, 10 ** -2, 4 ** 0.5, (-2) ** 2.0)
print(0.1 * 3, 1.1 + 2.2, 3 * 0.1 == 0.3, 1e10 + 1, 1e16 + 1)
print(divmod(7.5, 2), divmod(-7.5, 2), 1 / 3 * 3, 2.0 * 3)
print(float(7), float("1.5e3"), float(" -2.25 "), float("inf"), 10 / 4 * 4)
