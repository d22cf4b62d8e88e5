# feature: closures capture variables, not values (late binding); default-arg capture fixes it
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])

def outer():
    x = 1
    def get():
        return x
    x = 2
    return get

print(outer()())
