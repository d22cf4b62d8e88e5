# feature: assignment expressions (:=) in while, if and comprehensions
data = [3, 8, 1, 9, 4]
it = iter(data)
while (x := next(it, None)) is not None:
    if x > 5:
        print("big", x)
if (n := len(data)) > 3:
    print("long list of", n)
print([y for v in data if (y := v * 2) > 6], y)
