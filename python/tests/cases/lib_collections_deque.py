# feature: collections.deque append/appendleft/pop/popleft, maxlen, repr (lib_: optional module)
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d))
print(d.pop(), d.popleft(), d)
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(list(window))
print(window, 4 in window)
