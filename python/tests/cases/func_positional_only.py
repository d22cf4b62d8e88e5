# feature: positional-only parameters (/) and the error for passing them by keyword
def clamp(x, /, lo=0, hi=10):
    return max(lo, min(hi, x))

print(clamp(15), clamp(-3), clamp(5, hi=4), clamp(5, 6, 7))
try:
    clamp(x=3)
except TypeError as e:
    print(e)
