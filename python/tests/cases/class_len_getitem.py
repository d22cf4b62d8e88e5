# feature: __len__ and __getitem__ (ints and slices), iteration falling back on __getitem__
class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("squares index out of range")
        return i * i

s = Squares(6)
print(len(s), s[2], s[-1], s[1:4], s[::2])
print(list(s))
print(9 in s, 10 in s)
try:
    s[6]
except IndexError as e:
    print("IndexError:", e)
