# feature: str.split (default, separator, maxsplit), rsplit, splitlines, join
s = "  the  quick brown\tfox  "
print(s.split())
print("a,b,,c".split(","))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 1))
print("line1\nline2\r\nline3".splitlines())
print("-".join(["x", "y", "z"]), "".join(reversed("abc")), ", ".join(str(i) for i in range(3)))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "abc".partition("x"))
print("".split(","), "".split(), "a b".split(" "))
