# feature: str.count, str.isidentifier, str.join of non-str error, string multiplication with negative
print("Mississippi".count("ss"), "Mississippi".count("i"))
print("valid_name".isidentifier(), "2bad".isidentifier())
print("abc" * -1 == "", "ab" * 0)
words = ["zeta", "Alpha", "beta"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(max(words, key=len), "x".join("abc"))
print("%s|%s" % ("a".ljust(3), "b".rjust(3)))
