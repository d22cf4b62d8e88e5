# feature: comprehension variables don't leak; comprehensions see enclosing variables
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
factor = 3
print([n * factor for n in range(4)])

def make():
    base = 10
    return [base + i for i in range(3)]

print(make())
print([[y for y in range(i)] for i in range(4)])
