# feature: *args and **kwargs collection and their types
def show(*args, **kwargs):
    print(type(args).__name__, args)
    print(type(kwargs).__name__, kwargs)

show()
show(1, 2, 3)
show(1, a=2, b="x")

def total(first, *rest, scale=1, **extra):
    return (first + sum(rest)) * scale, sorted(extra)

print(total(1))
print(total(1, 2, 3, scale=10))
print(total(5, z=1, y=2))
