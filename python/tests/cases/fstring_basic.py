# feature: f-strings with expressions, method calls, nested quotes, literal braces
name = "World"
n = 3
items = ["a", "b"]
print(f"Hello, {name}!")
print(f"{n} * 2 = {n * 2}, {n / 2}")
print(f"{name.upper()} {name[::-1]} {len(items)} {items}")
print(f"{'quoted'} {items[0]!r} {{literal}} {{{n}}}")
print(f"{n > 2} {None} {[1, 2][-1]} {dict(a=1)}")
print(f"multi {n}" f" part {name}")
