# feature: random.randint, randrange and choice with seeds
import random

random.seed(1)
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(5)], random.randrange(0, 100, 5))
colors = ["red", "green", "blue", "yellow"]
print([random.choice(colors) for _ in range(6)])
random.seed(99)
print(random.randint(0, 10 ** 12), random.choice("abcdef"))
