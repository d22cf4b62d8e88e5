# feature: random.shuffle and random.uniform with seeds
import random

random.seed(7)
deck = list(range(10))
random.shuffle(deck)
print(deck)
random.shuffle(deck)
print(deck)
print([round(random.uniform(1, 10), 4) for _ in range(4)])
print(random.uniform(-1, 1))
