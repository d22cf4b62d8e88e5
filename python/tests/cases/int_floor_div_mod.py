# feature: floor division and modulo with negative operands (Python semantics), divmod
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (10**20 + 1, -3), (-10**20, 7)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 10, -1 % 10, 5 % -3, -(7 // 2), int(-7 / 2))
