from greenlet import greenlet


def f1():
    print(1)
    gr2.switch()       # switch to f2 by hand
    print(2)
    gr2.switch()


def f2():
    print(3)
    gr1.switch()       # back to where f1 last stopped
    print(4)


gr1 = greenlet(f1)
gr2 = greenlet(f2)
gr1.switch()           # prints 1 3 2 4 in turn
