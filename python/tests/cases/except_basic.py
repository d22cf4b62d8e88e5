# feature: try/except catching built-in errors, binding with as, printing type name and message
def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][3]
    if kind == "value":
        return int("abc")
    return "fine"

for kind in ["zero", "key", "index", "value", "ok"]:
    try:
        print(risky(kind))
    except (ZeroDivisionError, KeyError, IndexError, ValueError) as e:
        print(type(e).__name__, e)
