# feature: generator-based coroutine pipeline using send, with a decorator priming it
def primed(fn):
    def start(*args):
        g = fn(*args)
        next(g)
        return g
    return start

@primed
def printer(prefix):
    while True:
        line = yield
        print(prefix, line)

@primed
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)

p = grep("py", printer(">>"))
for line in ["python", "rust", "pypy", "go"]:
    p.send(line)
