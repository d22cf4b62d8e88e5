# feature: exceptions without message print only the type name; repr of exception args
class Quiet(Exception):
    pass

for e in [ValueError(), ValueError(""), ValueError("m"), KeyError("k"), KeyError(), Quiet(), OSError(2, "No such")]:
    print(repr(e), "|", str(e), "|", e.args)
raise Quiet()
