# feature: nested tuple/list unpacking in assignments and for loops, swapping
(a, b), c = (1, 2), 3
print(a, b, c)
[x, [y, z]] = ["X", ["Y", "Z"]]
print(x, y, z)
for (i, j), name in [((0, 1), "p"), ((2, 3), "q")]:
    print(i + j, name)
a, b = b, a
print(a, b)
p = q = [0]
p.append(1)
print(q)
n1, n2, n3 = "abc"
print(n3 + n2 + n1)
