# feature: collections' types where Python expects a mapping or a sequence: unpacking, dict(), format(**), sorted, sum, comparisons, * (lib_: optional module)
from collections import Counter, OrderedDict, defaultdict, deque

dd = defaultdict(int, {"a": 1})
dd["b"] += 2
merged = {**dd, "c": 3}
print(merged, dict(dd), "{a}-{b}".format(**dd), sorted(dd, reverse=True))
c = Counter("banana")
print(sum(c.values()), max(c, key=c.get), sorted(c.items()), dict(c) == {"b": 1, "a": 3, "n": 2})
od = OrderedDict(x=1, y=2)
print(list(reversed(od)), [k for k in od], {**od}, len(od), bool(OrderedDict()))
for key, value in od.items():
    print(key, value)
d = deque([1, 2])
print(d < deque([1, 3]), d >= deque([1]), d * 2, 2 * deque("ab", maxlen=3), sorted(deque([3, 1, 2])))
d *= 2
print(d, list(enumerate(deque("xy"))), sum(deque([1.5, 2])), max(deque([4, 9, 2])), tuple(d))
a, b, *rest = deque(range(5))
print(a, b, rest, [x * 2 for x in deque([1, 2])], ",".join(deque(["p", "q"])))
try:
    {deque(): 1}
except TypeError as e:
    print("TypeError:", e)
try:
    {Counter(): 1}
except TypeError as e:
    print("TypeError:", e)
print(isinstance(od, dict), isinstance(d, dict), isinstance(dd, (list, dict)), type(c).__name__)
import itertools
for bad in (lambda: deque().nope, lambda: len(itertools.count()), lambda: {defaultdict(): 0}, lambda: OrderedDict().nope, lambda: itertools.chain()[0]):
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
