# feature: strip/lstrip/rstrip with and without chars, replace with count, removeprefix/suffix
s = "  xxhello worldxx  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(s.strip().strip("x"), "--a--".strip("-"), "abcba".strip("ab"))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"))
print("hello world".replace("world", "there"), "x".replace("y", "z"))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"))
