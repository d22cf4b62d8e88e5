# feature: traceback frames for list comprehensions and lambdas (<listcomp>, <lambda>)
def inverse_all(xs):
    return [1 / x for x in xs]

print(inverse_all([1, 2, 4]))
f = lambda x: inverse_all(x)
f([5, 0])
