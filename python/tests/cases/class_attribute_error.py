# feature: uncaught AttributeError for a missing instance attribute
class Robot:
    def __init__(self, name):
        self.name = name

def report(r):
    print("robot", r.name)
    print("battery", r.battery)

report(Robot("R2"))
