# feature: int() parsing with bases and whitespace/underscores, hex/bin/oct output
print(int("123"), int("  -42  "), int("+7"), int("1_000_000"), int("007"))
print(int("ff", 16), int("FF", 16), int("0x1f", 16), int("101", 2), int("z", 36), int("0o17", 0), int("0b11", 0))
print(hex(255), hex(-255), bin(10), bin(-3), oct(64), hex(2 ** 70))
print(int(3.99), int(-3.99), int(True), int("10", base=8))
print(str(10 ** 25), repr(-0), int("-0"))
