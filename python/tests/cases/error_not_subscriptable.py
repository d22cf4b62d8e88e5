# feature: uncaught TypeError: object is not subscriptable
def first(x):
    return x[0]

print(first([7, 8]))
print(first("str"))
print(first(42))
