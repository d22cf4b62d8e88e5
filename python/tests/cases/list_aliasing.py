# feature: list aliasing vs copies; [[0]*3]*3 shares rows; list() and slicing copy
a = [1, 2]
b = a
b.append(3)
print(a, a is b, a == [1, 2, 3])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
c = list(a)
c.append(4)
print(a, c)
