# feature: list.pop on empty list, remove/index of a missing element, caught
items = []
try:
    items.pop()
except IndexError as e:
    print(type(e).__name__, e)
items = [1, 2, 3]
for f in [lambda: items.remove(9), lambda: items.index(9)]:
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
print(items)
