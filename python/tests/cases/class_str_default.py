# feature: class objects' repr, __name__, __class__, and __str__ falling back to __repr__
class Plain:
    pass

class WithRepr:
    def __repr__(self):
        return "WithRepr!"

print(Plain)
print(repr(Plain), Plain.__name__)
print(WithRepr(), str(WithRepr()), f"{WithRepr()}")
print(WithRepr().__class__.__name__, type(Plain()) is Plain)
print(int, str, type(None).__name__, type(type))
