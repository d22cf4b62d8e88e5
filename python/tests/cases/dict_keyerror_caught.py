# feature: KeyError caught with message, key with quotes, tuple and int keys
d = {1: "one", (2, 3): "pair"}
for key in [1, 2, (2, 3), "x", "it's"]:
    try:
        print(key, "->", d[key])
    except KeyError as e:
        print("KeyError:", e, repr(e))
