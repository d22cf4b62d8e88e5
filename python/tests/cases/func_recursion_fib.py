# feature: recursive functions (fibonacci, factorial, hanoi move count)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves

print([fib(i) for i in range(15)])
print(fact(20), fact(25))
print(len(hanoi(6)), hanoi(2))
