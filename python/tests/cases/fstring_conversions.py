# feature: f-string conversions !r, !s, !a and their effect on strings and objects
s = "it's \"quoted\"\n"
print(f"{s!r}")
print(f"{s!s}", end="|\n")
print(f"{'café'!a} {'café'!r}")
print(f"{[1, 'a']!s} {[1, 'a']!r}")

class P:
    def __repr__(self):
        return "P()"

    def __str__(self):
        return "p-str"

print(f"{P()} {P()!r} {P()!s}")
print(f"{'x'!r:>6}|{3.5!r:<6}|")
