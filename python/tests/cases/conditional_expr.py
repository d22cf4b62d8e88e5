# feature: conditional expressions and chained comparisons
for x in [1, 5, 10, 15]:
    size = "small" if x < 5 else "medium" if x < 12 else "big"
    print(x, size, 1 < x <= 10, x == 5 == 5, 0 <= x < 3 < 100)
a = 3
print("odd" if a % 2 else "even", (a > 2) + (a > 1))
