# feature: set add/discard/remove/pop/update; sets of strings printed via sorted()
s = {1, 2}
s.add(3)
s.add(2)
s.discard(1)
s.discard(42)
print(s)
s.update([10, 11], {12})
print(sorted(s), 10 in s, 4 not in s)
names = {"bob", "alice", "carol"}
names.add("dave")
names.remove("bob")
print(sorted(names), len(names))
try:
    names.remove("zed")
except KeyError as e:
    print("KeyError", e)
print(sorted(set("mississippi")), len(set("mississippi")))
