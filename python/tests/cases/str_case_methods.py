# feature: upper/lower/title/capitalize/swapcase/casefold and is* predicates
s = "hello WORLD of python3"
print(s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase())
print("they're bill's".title(), "ß".upper(), "Straße".casefold())
for t in ["abc", "ABC", "Abc", "123", "12a", " ", "", "a b", "Title Case"]:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isupper(), t.islower(), t.isspace(), t.istitle())
