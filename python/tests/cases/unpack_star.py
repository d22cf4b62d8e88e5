# feature: extended unpacking with a starred target in different positions
a, *b = [1, 2, 3, 4]
print(a, b)
*c, d = "hello"
print(c, d)
e, *f, g = range(5)
print(e, f, g)
h, *i = [1]
print(h, i)
first, *_, last = (10, 20, 30, 40)
print(first, last)
print(*[1, 2], *"ab", sep=",")
print([*range(3), *[7, 8]], (*"xy",), {**{"k": 1}})
