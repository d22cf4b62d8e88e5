# feature: TypeError texts for methods called with wrong arguments (qualified names in 3.11)
class Calc:
    def add(self, a, b):
        return a + b

    @staticmethod
    def neg(x):
        return -x

c = Calc()
print(c.add(1, 2), Calc.add(c, 3, 4), Calc.neg(5))
for call in [lambda: c.add(1), lambda: c.add(1, 2, 3), lambda: Calc.neg(), lambda: c.add(1, b=2, c=3)]:
    try:
        call()
    except TypeError as e:
        print(e)
