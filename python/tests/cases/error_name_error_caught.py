# feature: NameError texts: undefined names, typo suggestions are not part of str(e)
values = [1, 2]
for f in [lambda: undefined_thing, lambda: valuez, lambda: prnt("x")]:
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
del values
try:
    values
except NameError as e:
    print(e)
