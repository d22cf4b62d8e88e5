# feature: returning tuples, None by default, early return
def minmax(xs):
    if not xs:
        return
    return min(xs), max(xs)

lo, hi = minmax([3, 9, -2, 7])
print(lo, hi)
print(minmax([]))
r = minmax([5])
print(r, type(r).__name__)

def nothing():
    pass

print(nothing())
