# feature: defining __eq__ without __hash__ makes instances unhashable
class Thing:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

print(Thing(1) == Thing(1))
try:
    {Thing(1): 1}
except TypeError as e:
    print("TypeError:", e)
