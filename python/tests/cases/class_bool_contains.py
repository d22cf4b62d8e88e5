# feature: truthiness from __bool__ and __len__, membership with __contains__
class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __contains__(self, x):
        print("checking", x)
        return x in self.items

class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on

print(bool(Box([])), bool(Box([0])))
print(3 in Box([1, 2, 3]), 5 not in Box([1]))
print("yes" if Flag(True) else "no", "yes" if Flag(False) else "no")
print(not Flag(False), bool(object()))
