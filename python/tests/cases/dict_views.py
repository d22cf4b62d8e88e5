# feature: dict views: repr of keys()/values()/items(), live updates, membership
d = {"a": 1, "b": 2}
ks = d.keys()
vs = d.values()
its = d.items()
print(ks, vs, its)
d["c"] = 3
print(ks, len(vs), ("c", 3) in its, "a" in ks)
print(list(zip(d.keys(), d.values())))
