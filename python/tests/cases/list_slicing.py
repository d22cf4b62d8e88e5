# feature: list slicing with steps, negatives, copies, and out-of-range slices
xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-7])
print(xs[::3], xs[1::2], xs[::-1], xs[8:2:-2], xs[-1:-4:-1])
print(xs[20:], xs[5:2], xs[-100:2])
c = xs[:]
c[0] = 99
print(xs[0], c[0])
