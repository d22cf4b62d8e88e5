# feature: generator send(): priming with next, receiving values, running average
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

a = averager()
print(next(a))
print(a.send(10))
print(a.send(20))
print(a.send(0))

def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"

e = echo()
print(e.send(None), e.send("x"), e.send(42))
