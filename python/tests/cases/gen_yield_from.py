# feature: yield from delegating to sub-generators and iterables
def inner(tag):
    yield f"{tag}1"
    yield f"{tag}2"

def outer():
    yield "start"
    yield from inner("a")
    yield from [10, 20]
    yield from inner("b")
    yield "end"

print(list(outer()))

def flatten(xs):
    for x in xs:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x

print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
