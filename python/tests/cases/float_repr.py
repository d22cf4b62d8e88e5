# feature: float repr (shortest round-trip): 0.1+0.2, large/small exponents, integral floats
values = [0.1 + 0.2, 1e16, 1e15, 1.5e-7, 0.0001, 0.00001, 1 / 3, 2 / 3, 2.5, 100.0, 1e22, 1e-5,
          123456789.123, 3.0 * 1.1, 2 ** 0.5, 1e308 * 10, -0.0, 1.0, 9007199254740993.0, 5e-324]
for v in values:
    print(v, repr(v), str(v))
print([0.1, 1e100, 1.5])
