# feature: three-argument pow, modular inverse with exponent -1, big modular exponentiation
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10**9 + 7))
print(pow(7, -1, 13), (7 * pow(7, -1, 13)) % 13)
print(pow(-2, 3), pow(2, -2), pow(5, 0, 1), pow(123456789, 987654321, 1000000007))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
