def f1():
    print(1)
    print(2)


def f2():
    print(3)
    print(4)


f1()
f2()
# 依次打印 1 2 3 4：f1 整个做完，才轮到 f2
