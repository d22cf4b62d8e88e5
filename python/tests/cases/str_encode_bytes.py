# feature: str.encode to bytes, bytes repr, decode, bytes indexing giving ints
s = "héllo"
b = s.encode()
print(b, len(b), len(s))
print(b.decode(), b[0], b[1:3], list(b"AB"))
print("abc".encode("ascii"), bytes([104, 105]), b"x" + b"y", b"\x00\xff")
print(b"hello".upper(), b"a,b".split(b","), bytes(3))
