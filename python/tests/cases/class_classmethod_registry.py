# feature: class-level registry filled by __init_subclass__-free decorator, classmethod factories
registry = {}

def register(cls):
    registry[cls.__name__.lower()] = cls
    return cls

class Plugin:
    def run(self):
        return f"{type(self).__name__} running"

@register
class Alpha(Plugin):
    pass

@register
class Beta(Plugin):
    def run(self):
        return super().run().upper()

print(sorted(registry))
for name in ["beta", "alpha"]:
    print(registry[name]().run())
