# feature: uncaught TypeError for a missing argument of a method
class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, name):
        return f"{self.greeting}, {name}"

g = Greeter("Hi")
print(g.greet("Ann"))
print(g.greet())
