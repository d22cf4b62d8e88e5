# feature: uncaught ZeroDivisionError: float division by zero
def ratio(a, b):
    return a / b

print(ratio(1.0, 4.0))
print(ratio(1.0, 0.0))
