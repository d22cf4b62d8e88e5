# feature: int/float conversions, is_integer, as_integer_ratio, truncation toward zero
for x in [3.9, -3.9, 2.0, -0.5, 1e20]:
    print(x, int(x), round(x), x.is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio())
print(float(2 ** 60), int(2.0 ** 60), int(1e20) == 10 ** 20)
print(int("42") + float("0.5"), str(1.0), str(10 ** 16 * 1.0))
