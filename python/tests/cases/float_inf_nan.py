# feature: inf and nan: creation, arithmetic, comparisons, repr, int() errors
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, inf == inf, float("-inf"), float("Infinity"))
print(1e308 * 10, -1e308 * 10, max(1, inf), min(-inf, 0))
for f in [lambda: int(inf), lambda: int(nan)]:
    try:
        f()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
