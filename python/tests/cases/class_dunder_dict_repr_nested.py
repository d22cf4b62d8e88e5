# feature: objects with __repr__ inside nested containers, repr of strings with quotes inside __repr__
class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Tag({self.name!r})"

tags = {"a": [Tag("x"), Tag("it's")], "b": (Tag('say "hi"'),)}
print(tags)
print([[Tag("")]])
