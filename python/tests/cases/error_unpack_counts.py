# feature: ValueError for unpacking with too many or not enough values, uncaught at the end
for values in [(1, 2, 3), (1,), [1, 2]]:
    try:
        a, b = values
        print("ok", a, b)
    except ValueError as e:
        print(e)
try:
    x, y, *z = [1]
except ValueError as e:
    print(e)
first, second = "abc"
