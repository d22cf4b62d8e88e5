# feature: abs on ints/floats/bools, round returning int vs float, divmod and pow builtins
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-2 ** 70))
print(round(3.14159, 2), round(2.5), round(-1.5), round(10.0), round(1234, -2), round(-0.5))
print(divmod(9, 4), divmod(-9, 4), divmod(9.0, 4), pow(2, 8), pow(2.0, 3), pow(9, 0.5))
