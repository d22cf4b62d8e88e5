# feature: and/or return operands, short-circuit evaluation visible through side effects
def t(name, val):
    print("eval", name)
    return val

print(t("a", 0) and t("b", 1))
print(t("a", 2) and t("b", 3))
print(t("a", "") or t("b", "x"))
print(t("a", "y") or t("b", "z"))
print(None or [] or 0, 1 and "s" and [1])
print(not 0, not "a", not not [])
