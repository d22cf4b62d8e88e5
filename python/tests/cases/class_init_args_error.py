# feature: TypeError when constructing with wrong arguments to __init__
class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b

try:
    Pair(1)
except TypeError as e:
    print(e)
try:
    Pair(1, 2, 3)
except TypeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
