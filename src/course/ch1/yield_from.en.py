def f1():
    yield 1
    yield from f2()    # 把 f2 产出的每个值原样交出去
    yield 2


def f2():
    yield 3
    yield 4


for value in f1():     # f1() 只造出生成器，for 循环才一步步推动它
    print(value)       # 依次打印 1 3 4 2
