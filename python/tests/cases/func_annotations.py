# feature: simple annotations on parameters, return values and variables are accepted and ignored
def add(x: int, y: int = 2) -> int:
    return x + y

count: int = 3
name: str = "ann"
print(add(1), add(1, 5), count, name)
print(add("a", "b"))
