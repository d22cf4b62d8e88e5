def f1():
    yield 1
    yield from f2()    # hands on every value f2 yields, as it is
    yield 2


def f2():
    yield 3
    yield 4


for value in f1():     # f1() only makes a generator; the for loop drives it step by step
    print(value)       # prints 1 3 4 2 in turn
