# feature: arbitrary-precision integers: powers, products, negative big numbers, str length
print(2 ** 100)
print(3 ** 80, -2 ** 65, (-2) ** 65)
big = 10 ** 30 + 7
print(big * big, big // 3, big % 97)
print(2 ** 64 - 1, (2 ** 64) * (2 ** 64), len(str(2 ** 1000)))
print(12345678901234567890 + 98765432109876543210, 10 ** 20 - 10 ** 21)
print(2 ** 0, 0 ** 0, (-1) ** 1001, 7 ** -1)
