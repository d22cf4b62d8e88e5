# feature: dicts keep insertion order; deleting and reinserting moves a key to the end
d = {}
for k in ["zebra", "apple", "mango"]:
    d[k] = len(k)
print(list(d))
del d["zebra"]
d["zebra"] = 0
print(d)
d["apple"] = 99
print(d)
print(list(reversed(d)), sorted(d))
