# feature: nested comprehensions: flattening, matrix transpose, cartesian products
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([x for row in matrix for x in row])
print([[row[i] for row in matrix] for i in range(3)])
print([(a, b) for a in "xy" for b in range(2)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([x for row in matrix if sum(row) > 6 for x in row if x % 2])
