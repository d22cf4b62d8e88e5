# feature: __repr__ and __str__, used by print, str(), repr(), f-strings and inside containers
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"

m = Money(1234)
print(m)
print(repr(m), str(m))
print([m, Money(5)])
print(f"{m} {m!r} {m!s}")
print(OnlyRepr(), str(OnlyRepr()), {"k": OnlyRepr()})
