# feature: generator close() raising GeneratorExit inside, running finally blocks
def resource():
    print("open")
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

g = resource()
print(next(g))
g.close()
print("closed")

def catcher():
    try:
        yield "a"
    except GeneratorExit:
        print("got GeneratorExit")
        raise

c = catcher()
next(c)
c.close()
for x in resource():
    print("loop", x)
    break
print("after break")
