# feature: AttributeError texts for instances, classes, modules and None
import time

class Cat:
    legs = 4

tries = [lambda: Cat().wings, lambda: Cat.wings, lambda: None.upper, lambda: (3).real.foo,
         lambda: time.nope, lambda: "abc".push]
for t in tries:
    try:
        t()
    except AttributeError as e:
        print(type(e).__name__, e)
print(getattr(Cat(), "wings", "no wings"), getattr(Cat, "legs"))
