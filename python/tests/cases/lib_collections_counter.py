# feature: collections.Counter counting, most_common, update/subtract, elements, total, + and -, repr (lib_: optional module)
from collections import Counter

c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["a"], c["z"], len(c))
c.update("aaz")
c.update({"b": 3})
print(c.most_common())
c.subtract(["a", "a", "r"])
print(c, c.total())
print(sorted(c.elements()))
words = Counter(["x", "y", "x"], extra=4)
print(words, words + Counter(x=1, q=2), Counter(a=3, b=1) - Counter(a=1, b=5))
del words["nope"]
print(Counter(), Counter() == {}, Counter(a=1) == Counter(a=1, b=0), dict(Counter("aab")))
print(isinstance(c, dict), "a" in c, "q" in c, list(Counter("cab")))
for name, n in Counter("hello world").most_common(3):
    print(name, n)
