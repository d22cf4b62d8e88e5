# feature: TypeError for raising a non-exception, raising a class with instantiation
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e))
try:
    raise "oops"
except TypeError as e:
    print(e)
