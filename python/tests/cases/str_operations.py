# feature: str concatenation, repetition, comparison, membership, len, ord/chr, min/max
a, b = "abc", "abd"
print(a + b, a * 3, "-" * 10, 0 * "x" == "")
print(a < b, "Z" < "a", "apple" > "app", a == "abc", a != b)
print("bc" in a, "" in a, len("héllo"), len(""))
print(ord("A"), ord("é"), chr(97), chr(8364), min("hello"), max("hello"))
print(sorted("banana"), "".join(sorted("banana", reverse=True)))
print(str(123) + str(4.5) + str(None) + str([1]))
