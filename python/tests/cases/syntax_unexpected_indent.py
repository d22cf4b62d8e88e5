# feature: IndentationError: unexpected indent
print("never printed")
x = 1
    y = 2
print(x + y)
