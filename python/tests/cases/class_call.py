# feature: __call__ makes instances callable; callable()
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        return x * self.factor

triple = Multiplier(3)
print(triple(4), triple("ab"), triple.calls)
print(list(map(triple, [1, 2, 3])), triple.calls)
print(callable(triple), callable(3), callable(print))
