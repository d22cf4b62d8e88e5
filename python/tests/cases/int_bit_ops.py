# feature: bitwise operators on small, negative and big ints; bit_length
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-5 & 0xff, -5 | 2, -5 >> 1, ~-1, 1 << 100, (1 << 100) >> 99)
print((2 ** 70 + 5) & 0xffff, (2 ** 70) | 1, (2 ** 70) ^ (2 ** 69))
print((255).bit_length(), (0).bit_length(), (-8).bit_length(), (2 ** 100).bit_length())
