# feature: dict update (dict, kwargs, pairs), pop with default, popitem, overwriting keeps order
d = {"a": 1, "b": 2}
d.update({"b": 20, "c": 3})
d.update(e=5)
d.update([("f", 6)])
print(d)
print(d.pop("a"), d.pop("zz", "default"), d)
print(d.popitem(), d)
d["b"] = 200
print(d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError", e)
