# feature: nonlocal across two levels of nesting, and closures sharing one cell
def outer():
    total = 0
    def middle():
        def inner(n):
            nonlocal total
            total += n
            return total
        return inner
    add = middle()
    def read():
        return total
    return add, read

add, read = outer()
add(5)
add(7)
print(read())

def pair():
    value = "start"
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_

g, s = pair()
print(g())
s("changed")
print(g())
