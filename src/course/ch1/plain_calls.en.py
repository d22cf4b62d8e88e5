def f1():
    print(1)
    print(2)


def f2():
    print(3)
    print(4)


f1()
f2()
# prints 1 2 3 4 in turn: f1 runs to its end before f2 starts
