# feature: generator return value carried by StopIteration.value and by yield from
def work():
    yield 1
    yield 2
    return "result"

g = work()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, repr(e))

def wrapper():
    r = yield from work()
    print("inner returned", r)
    yield r.upper()

print(list(wrapper()))
