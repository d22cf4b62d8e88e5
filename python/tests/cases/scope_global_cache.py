# feature: a global read in a loop sees it rebound, deleted (the builtin shows again) and shadowing a builtin
def show():
    return len("abc"), f(2)

def f(x):
    return x + 1

for round in range(3):
    print(round, show())
    if round == 0:
        def f(x):
            return x * 10
        def len(s):
            return "own len"
    elif round == 1:
        del len
        f = lambda x: -x

g = {"a": 1}
for i in range(3):
    g["b" + str(i)] = i
    print(sorted(g))
d = dict(g)
del g["a"]
print(sorted(d), sorted(g))
print(show())
