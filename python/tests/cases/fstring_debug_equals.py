# feature: self-documenting f-strings {x=} with specs and conversions
x = 42
name = "Ada"
items = [1, 2]
print(f"{x=}")
print(f"{name=}")
print(f"{name=!s}")
print(f"{x * 2 = }")
print(f"{x=:>6}")
print(f"{len(items)=} {items[0]=}")
print(f"{3.14159=:.2f}")
