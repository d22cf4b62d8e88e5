# feature: name mangling of __private attributes, single underscore convention
class Secret:
    def __init__(self):
        self.__hidden = 42
        self._internal = "x"

    def reveal(self):
        return self.__hidden

s = Secret()
print(s.reveal(), s._internal, s._Secret__hidden)
try:
    print(s.__hidden)
except AttributeError as e:
    print("AttributeError:", e)
