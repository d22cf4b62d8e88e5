# feature: super().__init__ chains, super() calls in methods with arguments
class Base:
    def __init__(self, a):
        print("Base init", a)
        self.a = a

    def describe(self, prefix):
        return f"{prefix}: a={self.a}"

class Child(Base):
    def __init__(self, a, b):
        super().__init__(a)
        print("Child init", b)
        self.b = b

    def describe(self, prefix):
        return super().describe(prefix.upper()) + f", b={self.b}"

c = Child(1, 2)
print(c.describe("child"))
print(c.a, c.b)
