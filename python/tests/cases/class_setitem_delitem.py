# feature: __setitem__, __delitem__ and __getitem__ implementing a small mapping
class Registry:
    def __init__(self):
        self.data = {}

    def __setitem__(self, key, value):
        print("set", key, value)
        self.data[key.lower()] = value

    def __getitem__(self, key):
        return self.data[key.lower()]

    def __delitem__(self, key):
        print("del", key)
        del self.data[key.lower()]

r = Registry()
r["A"] = 1
r["b"] = 2
print(r["a"], r["B"])
del r["A"]
print(r.data)
try:
    r["zzz"]
except KeyError as e:
    print("KeyError", e)
