# feature: str.format with positional, indexed, keyword fields, attribute/index access, specs
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age} years".format(name="Ann", age=30))
print("{0[0]} {0[1]} {1[key]}".format(["x", "y"], {"key": "v"}))
print("[{:>6}] [{:<6}] [{:^6}] [{:.3f}] [{:,}]".format("r", "l", "c", 2.5, 10**6))
print("{:{w}.{p}f}|{!r}|{{}}".format(3.14159, "s", w=8, p=2))

class Pt:
    x = 1
    y = 2

print("({0.x}, {0.y})".format(Pt()))
