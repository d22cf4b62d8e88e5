# feature: generator frames keep local state; several independent generators interleaved
def counter(name, step):
    value = 0
    while True:
        value += step
        yield f"{name}={value}"

a = counter("a", 1)
b = counter("b", 10)
for _ in range(3):
    print(next(a), next(b))
