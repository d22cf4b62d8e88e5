# feature: random.seed then random.random() reproduces CPython's Mersenne Twister floats
import random

random.seed(42)
print([random.random() for _ in range(5)])
random.seed(2026)
print(random.random(), random.random())
random.seed(0)
print(round(random.random(), 6))
