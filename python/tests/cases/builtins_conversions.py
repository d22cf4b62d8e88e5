# feature: str/int/float/bool/list/tuple/dict conversions and their reprs
print(str(42), str(3.0), str([1, "a"]), str((1,)), str({"k": [1]}), str(None))
print(int("7") + 1, float("7") + 1, bool([]), bool([0]), list("ab"), tuple([1, 2]))
print(list({"a": 1, "b": 2}.items()), dict([("a", 1)]), set([1, 1, 2]))
print(repr("7"), repr(7), repr(7.0), repr(None), repr([None, "None"]))
print(ord("a"), chr(0x263A), hex(ord("Z")), int("0x41", 16), ascii("é"))
