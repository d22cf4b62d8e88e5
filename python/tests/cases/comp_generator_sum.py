# feature: generator expressions passed directly to sum/min/max/sorted/any/all/tuple/dict
nums = [4, -2, 7, 0, -5]
print(sum(n * n for n in nums))
print(min(abs(n) for n in nums), max(n for n in nums if n < 0))
print(sorted((n for n in nums), reverse=True))
print(tuple(str(n) for n in nums))
print(dict((str(n), n) for n in nums[:2]))
print("".join(c for c in "a1b2c3" if c.isalpha()))
