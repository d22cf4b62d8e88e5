# feature: repr of nested containers with strings, floats, None, bools, empty containers
data = {"name": "O'Brien", "scores": [9.5, 10.0, 7.25], "tags": ("a", "b"), "meta": {"ok": True, "n": None},
        "empty": [[], {}, (), ""], "nested": [[1, [2, [3, ["deep"]]]]]}
print(data)
print(repr(data["tags"]), str(data["scores"]), [repr("x")])
print([1.0, -0.0, 1e-10, 1e100], ("single",), [("t", 1)])
