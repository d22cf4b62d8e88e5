# feature: iterator protocol with __iter__/__next__, StopIteration ending for loops
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

for n in Countdown(3):
    print(n)
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
print(list(Countdown(5)), sum(Countdown(4)))
