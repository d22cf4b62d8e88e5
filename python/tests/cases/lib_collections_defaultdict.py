# feature: collections.defaultdict with list/int/set/lambda factories, missing keys, repr, dict behaviour (lib_: optional module)
from collections import defaultdict

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups)
print(dict(groups), len(groups), "a" in groups, "z" in groups)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), counts["q"], len(counts))
seen = defaultdict(set)
seen["x"].add(1)
seen["x"].add(1)
print(seen, seen.default_factory)
nested = defaultdict(lambda: "n/a")
print(nested["k"], list(nested), nested.get("other"), nested.get("k"))
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)
print(plain, isinstance(groups, dict), groups == {"a": ["apple", "avocado"], "b": ["banana", "blueberry"], "c": ["cherry"]})
print(counts.pop("m"), counts.setdefault("z", 26), sorted(counts))
del counts["z"]
for k in counts:
    print(k, counts[k], end="; ")
print()
counts.update({"s": 0}, p=9)
print(sorted(counts.items()))
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)
