# feature: list equality, lexicographic comparison, concatenation, repetition, membership
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99])
print([1, 2] + [3], [0] * 4, [[]] * 2, 3 in [1, 2, 3], [1] in [[1], [2]])
print(len([]), len([[1, 2]]), [1, [2, [3]]][1][1][0])
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}))
