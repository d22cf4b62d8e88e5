# feature: % formatting with a mapping (%(name)s), single tuple argument, errors
data = {"user": "ann", "n": 5, "pi": 3.14159}
print("%(user)s has %(n)d items (%(pi).3f)" % data)
print("tuple: %s" % ((1, 2),))
print("%s" % [1, 2])
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("a", "b", "c"))
except TypeError as e:
    print("TypeError:", e)
