# feature: dict creation, get with default, setdefault, items/keys/values order, in, len
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), "a" in d, 2 in d)
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, "->", v)
print(dict(x=1, y=2), dict([("p", 1), ("q", 2)]), dict.fromkeys("ab", 0))
