# feature: string indexing and slicing with negative indices, steps and out-of-range bounds
s = "Python"
print(s[0], s[-1], s[1:4], s[:2], s[3:], s[-3:])
print(s[::2], s[1::2], s[::-1], s[-2::-2], s[4:1:-1])
print(repr(s[10:]), repr(s[3:3]), s[-100:100], s[:-4])
print(s[slice(1, 5, 2)], len(s[::3]))
