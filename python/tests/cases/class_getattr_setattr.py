# feature: getattr/setattr/hasattr/delattr builtins and __getattr__ fallback
class Config:
    def __init__(self):
        self.debug = False

    def __getattr__(self, name):
        return f"<default {name}>"

c = Config()
print(c.debug, c.verbose)
setattr(c, "level", 3)
print(getattr(c, "level"), hasattr(c, "anything"))
delattr(c, "level")
print(c.level)
print(vars(c))
