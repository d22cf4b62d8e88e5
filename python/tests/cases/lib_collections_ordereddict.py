# feature: collections.OrderedDict move_to_end, popitem(last=), order-sensitive equality, repr (lib_: optional module)
from collections import OrderedDict

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.values()))
od.move_to_end("b")
print(list(od.keys()))
od.move_to_end("c", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
x = OrderedDict([("p", 1), ("q", 2)])
y = OrderedDict([("q", 2), ("p", 1)])
print(x == y, x == dict(y), dict(x) == dict(y), OrderedDict())
try:
    x.move_to_end("zz")
except KeyError as e:
    print("KeyError:", e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
x.update(r=3)
print(x, x.get("r"), x.pop("p"), len(x))
