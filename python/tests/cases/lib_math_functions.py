# feature: math.sqrt, floor, ceil, pi, isclose, inf/nan checks (lib_: optional module)
import math

print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.floor(7.9))
print(math.pi, round(math.pi, 4), math.isclose(0.1 + 0.2, 0.3), math.isinf(math.inf), math.isnan(math.nan))
print(math.trunc(-3.7), math.fabs(-2), math.hypot(3, 4))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
