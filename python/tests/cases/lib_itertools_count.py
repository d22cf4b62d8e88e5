# feature: itertools.count as an id generator and with zip (lib_: optional module)
import itertools

ids = itertools.count(1)
print(next(ids), next(ids), next(ids))
print(list(zip("abc", itertools.count(10, 5))))
for i in itertools.count(100):
    if i > 102:
        break
    print(i)
