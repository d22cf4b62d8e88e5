# feature: f-string format specs: width, alignment, fill, precision, thousands separators, sign
x = 3.14159
n = 1234567
s = "hi"
print(f"[{s:>8}] [{s:<8}] [{s:^8}] [{s:*^9}] [{s:-<5}]")
print(f"[{x:.2f}] [{x:8.3f}] [{x:08.3f}] [{x:<10.1f}] [{x:+.1f}] [{-x:.0f}]")
print(f"[{n:,}] [{n:_}] [{n:>12,}] [{n:012d}] [{-n:,}] [{n:+d}]")
print(f"[{x:e}] [{x:.2e}] [{0.000123:g}] [{1e20:g}] [{0.5:%}] [{0.256:.1%}]")
print(f"[{42:5}] [{42:<5}] [{42:^5}] [{'x':5}] [{True:>6}] [{3.0:5}]")
print(f"[{1234.5678:,.2f}] [{n:,.1f}] [{12:x}] [{255:#X}] [{5:b}] [{8:#o}]")
