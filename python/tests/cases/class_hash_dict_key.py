# feature: __hash__ and __eq__ making instances usable as dict keys and set members
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return isinstance(o, Pt) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Pt({self.x},{self.y})"

d = {Pt(1, 2): "a"}
d[Pt(1, 2)] = "b"
d[Pt(2, 1)] = "c"
print(d)
print(len({Pt(0, 0), Pt(0, 0), Pt(1, 1)}))
print(Pt(2, 1) in d, Pt(3, 3) in d)
