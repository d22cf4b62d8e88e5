# feature: bytes' methods work on ASCII as str's on characters; bytes(n), bytes(list) and their errors
b = b"  Hello, World \xe9 "
print(b.strip(), b.lstrip(), b.rstrip(b" \xe9"), b.upper(), b.lower())
print(b"a,b,,c".split(b","), b"a,b,c".split(b",", 1), b" x  y ".split(), b"x y z".split(None, 1))
print(b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"bc")), b"abcabc".find(b"ca"), b"abc".find(99))
print(b"aaa".count(b"a"), b"aaa".count(b"aa"), b"a-b".replace(b"-", b"+"), b", ".join([b"x", b"y"]))
print(bytes(2), bytes([0, 255]), b"\x01\xab".hex(), bytes("hé", "utf-8"))
bad = [lambda: bytes('x'), lambda: bytes([256]), lambda: bytes(-1), lambda: b'a'.split(b''),
       lambda: b'a'.startswith('a'), lambda: b','.join(['a'])]
for f in bad:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
