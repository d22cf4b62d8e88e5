# feature: iterating over strings, enumerate over chars, building strings, reversed
word = "level"
print([c for c in word])
print(list(enumerate("abc")))
rev = ""
for ch in "stressed":
    rev = ch + rev
print(rev, word == word[::-1], "".join(reversed("drawer")))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
