# feature: __eq__, __lt__ and friends; sorting instances; != derived from __eq__
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f"v{self.major}.{self.minor}"

vs = [Version(1, 2), Version(0, 9), Version(1, 0), Version(0, 10)]
print(sorted(vs))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 1))
print(Version(2, 0) > Version(1, 5), max(vs), min(vs))
print(Version(1, 2) in vs, vs.index(Version(1, 0)))
