from greenlet import greenlet


def f1():
    print(1)
    gr2.switch()       # 手动切到 f2
    print(2)
    gr2.switch()


def f2():
    print(3)
    gr1.switch()       # 切回 f1 上次停下的地方
    print(4)


gr1 = greenlet(f1)
gr2 = greenlet(f2)
gr1.switch()           # 依次打印 1 3 2 4
