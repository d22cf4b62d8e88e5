# feature: uncaught StopIteration from next() on an exhausted iterator
def one():
    yield 1

it = one()
print(next(it))
print(next(it))
