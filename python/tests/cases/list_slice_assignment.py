# feature: slice assignment (grow, shrink, extended slices), del with slices and indices
xs = list(range(8))
xs[2:4] = ["a", "b", "c"]
print(xs)
xs[1:6] = []
print(xs)
xs[:0] = [-1, -2]
print(xs)
ys = list(range(10))
ys[::2] = "ABCDE"
print(ys)
del ys[1]
del ys[::3]
print(ys)
del ys[-2:]
print(ys)
try:
    ys[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
