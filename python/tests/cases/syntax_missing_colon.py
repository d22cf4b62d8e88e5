# feature: SyntaxError: missing colon after if (whole program fails to compile, nothing printed)
print("never printed")
x = 3
if x > 2
    print("big")
