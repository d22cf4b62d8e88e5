# feature: exception raised inside a generator while being consumed, traceback through <genexpr>
def parse(items):
    for it in items:
        yield int(it)

total = sum(x * 2 for x in parse(["1", "2", "three"]))
print(total)
