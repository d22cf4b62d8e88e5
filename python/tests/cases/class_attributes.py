# feature: class attributes shared by instances vs instance attributes shadowing them
class Counter:
    instances = 0
    tags = []

    def __init__(self, name):
        Counter.instances += 1
        self.name = name

a = Counter("a")
b = Counter("b")
print(Counter.instances, a.instances, b.instances)
a.instances = 99
print(Counter.instances, a.instances, b.instances)
a.tags.append("shared")
print(b.tags, Counter.tags)
Counter.limit = 5
print(a.limit, b.limit)
