# feature: iter(callable, sentinel), zip strict-free truncation, next with default on generators
values = [3, 2, 1, 0, 5]
it = iter(values.pop, 1)
print(list(it), values)
counter = 0

def tick():
    global counter
    counter += 1
    return counter

print(list(iter(tick, 4)))
print(list(zip([1, 2, 3], "ab")), next((x for x in [] if x), "nothing"))
