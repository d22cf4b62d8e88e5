# feature: KeyError/IndexError/StopIteration args, str(KeyError) quoting, exception in except being re-bound
try:
    {}[("a", 1)]
except KeyError as e:
    print(e, e.args)
try:
    {}["quote's"]
except KeyError as e:
    print(e)
try:
    raise StopIteration(7)
except StopIteration as e:
    print(e.value, e)
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
