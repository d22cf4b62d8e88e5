# feature: collections.deque rotate, extend, extendleft, indexing, clear (lib_: optional module)
from collections import deque

d = deque("abcde")
d.rotate(2)
print(d)
d.rotate(-3)
print("".join(d), d[0], d[-1])
d.extend("xy")
d.extendleft([1, 2])
print(d)
d.clear()
print(d, bool(d))
try:
    d.pop()
except IndexError as e:
    print("IndexError:", e)
