# feature: infinite generators consumed partially, generator state kept between uses
def naturals():
    n = 0
    while True:
        yield n
        n += 1

def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out

nat = naturals()
print(take(5, nat))
print(take(3, nat))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(take(12, fib()))
