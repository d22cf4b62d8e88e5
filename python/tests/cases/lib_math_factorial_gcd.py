# feature: math.factorial, gcd, lcm, comb, perm, prod on big numbers (lib_: optional module)
import math

print(math.factorial(50))
print(math.gcd(48, 180), math.gcd(0, 5), math.lcm(4, 6, 10))
print(math.comb(52, 5), math.perm(10, 3), math.prod([1, 2, 3, 4, 5]))
print(math.isqrt(10 ** 20 + 1), math.factorial(20) // math.factorial(18))
