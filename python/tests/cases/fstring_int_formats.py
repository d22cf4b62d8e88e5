# feature: integer format specs: bases, zero padding, signs, widths, format() builtin
for n in [0, 7, 255, -42, 2**40]:
    print(f"{n:d}|{n:5d}|{n:05d}|{n:x}|{n:#x}|{n:o}|{n:b}|{n:+}|{n: }")
print(format(255, "08b"), format(3.5, "06.2f"), format("ab", "^6"), format(12345, ","))
print(format(1e6, ".3g"), format(123456789, ".2e"), format(-0.0, ".1f"), format(65, "c"))
