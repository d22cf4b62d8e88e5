# feature: dict equality ignores order; copy is shallow; clear; fromkeys sharing
a = {"x": [1], "y": 2}
b = {"y": 2, "x": [1]}
print(a == b, a is b)
c = a.copy()
c["x"].append(2)
c["y"] = 3
print(a, c)
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)
c.clear()
print(c, len(c), bool(c))
