# feature: collections.deque index/insert/remove/count/reverse/copy, maxlen, equality, reversed, errors (lib_: optional module)
from collections import deque

d = deque([3, 1, 4, 1, 5], maxlen=6)
print(d, d.maxlen, len(d))
print(d.count(1), d.index(1), d.index(1, 2), 4 in d, 9 in d)
d.insert(1, 9)
print(d)
try:
    d.insert(0, 7)
except IndexError as e:
    print("IndexError:", e)
d.remove(1)
d.reverse()
print(d, list(reversed(d)))
e = d.copy()
e.append(2)
print(e, d == e, d == deque(d), d == list(d))
d[0] = "x"
del d[-1]
print(d, d[-1], bool(deque()))
for bad in (lambda: d[10], lambda: d.remove(42), lambda: d.index(42), lambda: deque().popleft(), lambda: d["a"]):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as ex:
        print(type(ex).__name__ + ":", ex)
try:
    deque([1], maxlen=-1)
except ValueError as ex:
    print("ValueError:", ex)
try:
    for x in d:
        d.append(x)
except RuntimeError as ex:
    print("RuntimeError:", ex)
last = deque(range(10), 3)
last.extendleft("ab")
print(last, deque("xyz") + deque("ab"), deque(maxlen=0))
last += [7, 8]
print(last, type(last).__name__, repr(deque()))
