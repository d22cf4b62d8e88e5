# feature: merging dicts with {**a, **b}, the | and |= operators, and dict(a, **b)
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print({**a, **b})
print({**b, **a})
print(a | b, b | a)
c = dict(a)
c |= {"w": 0}
print(c, a)
print(dict(a, y=99, q=1), {**a, "x": 0})
