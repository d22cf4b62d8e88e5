# feature: RecursionError caught from unbounded recursion (only its type name printed)
def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__)
    print(isinstance(e, RuntimeError))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(500))
