# feature: generator functions: lazy execution, next(), exhaustion, list()
def numbers(n):
    print("start")
    for i in range(n):
        print("yield", i)
        yield i
    print("end")

g = numbers(2)
print("created")
print(next(g))
print(next(g))
print(next(g, "exhausted"))
print(list(numbers(3)))
