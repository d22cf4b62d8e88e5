# feature: uncaught TypeError: unsupported operand types for + between int and str
def total(items):
    s = 0
    for it in items:
        s = s + it
    return s

print(total([1, 2, 3]))
print(total([1, "2", 3]))
