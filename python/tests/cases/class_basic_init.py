# feature: class with __init__, instance attributes, methods, and type names
class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def dist2(self):
        return self.x ** 2 + self.y ** 2

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(3, 4)
q = p.moved(1, -1)
print(p.x, p.y, p.dist2())
print(q.x, q.y, Point(5).y)
print(type(p).__name__, type(p))
p.z = 10
print(p.z, hasattr(p, "z"), hasattr(q, "z"))
