# feature: abs, min, max, sum (with start), round, divmod on mixed numbers
nums = [3, -7, 2.5, 0, 10]
print(abs(-7), abs(-2.5), abs(0), abs(-10 ** 20))
print(min(nums), max(nums), sum(nums), sum(nums, 100), sum([0.1] * 10))
print(min(4, 9, 1), max("apple", "pear"), max([1, 5], [1, 4, 9]), min([], default="empty"))
print(divmod(17, 5), divmod(-17, 5), sum(range(101)), sum([[1], [2]], []))
