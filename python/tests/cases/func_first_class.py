# feature: functions as values: stored in dicts and lists, passed and returned
def add(a, b):
    return a + b

def sub(a, b):
    return a - b

ops = {"+": add, "-": sub, "*": lambda a, b: a * b}
for sym in ["+", "-", "*"]:
    print(7, sym, 3, "=", ops[sym](7, 3))

def compose(f, g):
    return lambda x: f(g(x))

inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(add.__name__, (lambda: 0).__name__)
