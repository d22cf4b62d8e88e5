# feature: f-strings with nested replacement fields in the format spec, tables
width = 10
prec = 3
value = 2 / 3
print(f"[{value:{width}.{prec}f}]")
print(f"[{'left':<{width}}][{'right':>{width}}]")
rows = [("apples", 3, 0.5), ("kiwis", 12, 0.25), ("figs", 100, 1.125)]
for name, qty, price in rows:
    print(f"{name:<8}|{qty:>5}|{price:>8.2f}|{qty * price:>9.3f}")
fill = "."
print(f"{'x':{fill}^{width}}")
