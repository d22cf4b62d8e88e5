# feature: inheritance, overriding methods, isinstance/issubclass, inherited attributes
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + "!!"

for a in [Animal("generic"), Dog("rex"), Puppy("bit")]:
    print(a.speak())
p = Puppy("x")
print(isinstance(p, Animal), isinstance(p, Dog), isinstance(Dog("d"), Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(Puppy.__name__, Puppy.__bases__[0].__name__)
