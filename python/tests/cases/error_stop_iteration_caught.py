# feature: StopIteration from next() caught explicitly, for loop ends cleanly
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value)
empty = iter([])
for x in empty:
    print("never")
print(next(iter([]), "default"))
