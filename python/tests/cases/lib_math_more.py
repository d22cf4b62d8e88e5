# feature: more of math (comb/perm edge cases, isqrt, lcm, prod with floats and start, trig, log2/log10, copysign) and their errors; float.as_integer_ratio edge cases (lib_: optional module)
import math

print(math.comb(5, 7), math.comb(10, 0), math.perm(5), math.perm(5, 7), math.lcm(), math.lcm(0, 6))
print(math.isqrt(0), math.isqrt(99), math.isqrt(2 ** 200) == 2 ** 100)
print(math.prod([]), math.prod([0.5, 4]), math.prod(range(1, 6), start=2))
print(math.log2(1024), math.log10(1000), math.trunc(-0.5), math.trunc(7), math.copysign(3, -0.0))
print(round(math.tan(math.pi / 4), 12), math.atan2(1, 1) == math.pi / 4, math.degrees(math.pi), math.radians(180) == math.pi)
print(math.hypot(), math.hypot(5, 12), math.hypot(1, 2, 2), math.isfinite(1e308), math.tau == 2 * math.pi)
bad = [
    ("comb(-1, 2)", lambda: math.comb(-1, 2)),
    ("comb(3, -1)", lambda: math.comb(3, -1)),
    ("isqrt(-4)", lambda: math.isqrt(-4)),
    ("log2(0)", lambda: math.log2(0)),
    ("acos(2)", lambda: math.acos(2)),
    ("comb(2.5, 1)", lambda: math.comb(2.5, 1)),
]
for name, call in bad:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(name, "->", type(e).__name__, e)
for x in (float("inf"), float("nan")):
    try:
        x.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((-2.75).as_integer_ratio(), (2.0 ** -1074).as_integer_ratio()[0], (1e22).as_integer_ratio())
