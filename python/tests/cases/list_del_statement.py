# feature: del on list elements, variables and dict keys
xs = ["a", "b", "c", "d"]
del xs[0]
print(xs)
del xs[-1]
print(xs)
d = {"x": 1, "y": 2}
del d["x"]
print(d)
v = 5
del v
try:
    print(v)
except NameError as e:
    print("NameError:", e)
try:
    del xs[10]
except IndexError as e:
    print("IndexError:", e)
