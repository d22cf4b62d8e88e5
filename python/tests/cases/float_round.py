# feature: round() with banker's rounding, ndigits, negative ndigits, float representation effects
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(1234.5678, -2), round(15, -1))
print(type(round(2.7)).__name__, type(round(2.7, 1)).__name__, round(7), round(-0.4))
print(round(123.456, 0), round(0.125, 2), round(0.375, 2), round(1e20, 2))
