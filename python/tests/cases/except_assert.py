# feature: assert statements, AssertionError with and without message, caught and uncaught
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print(repr(e))
assert len([1, 2]) == 3, "length mismatch"
