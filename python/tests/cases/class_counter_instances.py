# feature: classmethod counting instances across subclasses, class attribute lookup through type(self)
class Shape:
    created = 0

    def __init__(self):
        type(self).created += 1

    @classmethod
    def count(cls):
        return f"{cls.__name__}: {cls.created}"

class Square(Shape):
    created = 0

class Circle(Shape):
    pass

Square(); Square(); Circle(); Shape()
print(Shape.count(), Square.count(), Circle.count())
