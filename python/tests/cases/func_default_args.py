# feature: default argument values, overriding them positionally and by keyword
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet("Ada", punct="?"))
print(greet(greeting="Yo", name="Bob"))

def power(base, exp=2):
    return base ** exp

print(power(3), power(3, 3), power(exp=0, base=7))
