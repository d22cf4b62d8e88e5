# feature: generator throw() delivering an exception at the yield point
def worker():
    while True:
        try:
            x = yield
            print("processing", x)
        except ValueError as e:
            print("recovered from", e)

w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad input"))
w.send(2)
try:
    w.throw(KeyError("fatal"))
except KeyError as e:
    print("propagated", repr(e))
