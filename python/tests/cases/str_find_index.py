# feature: find/rfind/index/rindex/count with ranges, startswith/endswith with tuples
s = "banana bandana"
print(s.find("an"), s.find("an", 4), s.rfind("an"), s.find("xyz"))
print(s.index("ban"), s.rindex("ban"), s.count("an"), s.count("a", 0, 6))
print(s.startswith("ban"), s.startswith(("x", "bana")), s.endswith("ana"), s.startswith("an", 1))
print("an" in s, "nab" not in s, s.count(""))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError:", e)
