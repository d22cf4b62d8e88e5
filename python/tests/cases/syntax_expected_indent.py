# feature: IndentationError: expected an indented block after a def
def f():
return 1

print(f())
