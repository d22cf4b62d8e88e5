# feature: center/ljust/rjust with fill chars, zfill with signs, expandtabs
print("[" + "ab".center(7) + "]", "[" + "ab".center(8, "*") + "]", "[" + "abc".center(2) + "]")
print("[" + "x".ljust(4, ".") + "]", "[" + "x".rjust(4) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(6), "12345".zfill(3))
print("a\tbc\td".expandtabs(4))
