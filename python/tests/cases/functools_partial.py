# feature: functools.partial with positional and keyword pre-filled arguments
from functools import partial

def power(base, exp):
    return base ** exp

square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(9), two_to(10))
print(square(base=5))

def greet(greeting, name, punct="."):
    return f"{greeting} {name}{punct}"

hello = partial(greet, "Hello", punct="!")
print(hello("Ann"), hello("Bo", punct="?"))
print(list(map(partial(power, exp=3), [1, 2, 3])))
print(square.args, square.keywords)
