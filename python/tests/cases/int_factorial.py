# feature: big factorials computed by loops, digit sums, trailing zeros
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f50 = factorial(50)
print(f50)
print(sum(int(d) for d in str(factorial(100))))
s = str(factorial(100))
print(len(s), len(s) - len(s.rstrip("0")))
print(factorial(30) // factorial(28), factorial(25) % 1000007)
