# feature: @staticmethod and @classmethod, alternative constructors and subclass-aware cls
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def is_freezing(c):
        return c <= 0

    def __repr__(self):
        return f"{type(self).__name__}({self.celsius:.1f})"

class Kelvinish(Temperature):
    pass

print(Temperature.from_fahrenheit(212))
print(Kelvinish.from_fahrenheit(32))
print(Temperature.is_freezing(-1), Temperature(5).is_freezing(5))
