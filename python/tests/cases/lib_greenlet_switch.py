# greenlet: switching by hand, with arguments and return values, a parent getting what a
# greenlet returned or raised, GreenletExit, keyword arguments, dead and bool().
from greenlet import greenlet, getcurrent, GreenletExit

def add(a, b):
    print("add got", a, b)
    x = main.switch(a + b)
    print("add resumed with", x)
    return x * 2

main = getcurrent()
g = greenlet(add)
print("first", g.switch(1, 2))
print("dead?", g.dead, bool(g))
print("second", g.switch(10))
print("dead?", g.dead, bool(g))

def boom():
    raise ValueError("inside")

try:
    greenlet(boom).switch()
except ValueError as e:
    print("caught", e)

def quits():
    raise GreenletExit("bye")

print(type(greenlet(quits).switch()).__name__)

def kw(*a, **k):
    print(main.switch(*a, **k))
h = greenlet(kw)
print(h.switch(1, x=2))
print(h.switch())
