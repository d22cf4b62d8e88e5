# feature: range with start/stop/step, negative steps, empty ranges, len and indexing of ranges
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 1)), list(range(-5, -1)))
r = range(3, 30, 4)
print(r, len(r), r[2], r[-1], 11 in r, 12 in r)
print(r[1:3], list(r[::-1]))
total = 0
for x in range(1, 101):
    total += x
print(total)
