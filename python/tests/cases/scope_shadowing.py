# feature: local variables shadow globals; builtins can be shadowed
x = "global"

def f():
    x = "local"
    return x

def g():
    return x

print(f(), g(), x)

def h():
    len = lambda s: 42
    return len("abc")

print(h(), len("abc"))
