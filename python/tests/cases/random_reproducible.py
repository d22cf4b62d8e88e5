# feature: reseeding reproduces the same sequence; seeded random drives a small simulation
import random

def roll_many(seed):
    random.seed(seed)
    return [random.randint(1, 20) for _ in range(8)]

a = roll_many(123)
b = roll_many(123)
print(a, a == b, roll_many(124) == a)
random.seed(5)
walk = 0
path = []
for _ in range(10):
    walk += random.choice([-1, 1])
    path.append(walk)
print(path)
