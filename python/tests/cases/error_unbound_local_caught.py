# feature: UnboundLocalError caught: local assigned later in the function, and after del
def f():
    print(x)
    x = 1

def g():
    y = 5
    del y
    return y

for fn in [f, g]:
    try:
        fn()
    except UnboundLocalError as e:
        print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError))
