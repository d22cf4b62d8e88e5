# feature: an uncaught error raised inside collections.deque: the traceback shows the program's frames only (lib_: optional module)
from collections import deque, Counter

def drain(d):
    while True:
        print("took", d.popleft())

print(Counter("ab") == Counter("ba"), deque([1]) != deque([2]))
drain(deque([1, 2]))
