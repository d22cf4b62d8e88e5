# feature: try/except/else/finally execution order in success and failure
def attempt(x):
    try:
        print("try", x)
        r = 10 // x
    except ZeroDivisionError:
        print("except")
        return "error"
    else:
        print("else", r)
        return r
    finally:
        print("finally")

print(attempt(2))
print(attempt(0))
