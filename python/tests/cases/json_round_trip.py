# json: dumps with its options, loads of what it wrote, and the decoder's errors.
import json

data = {"name": "Ada", "tags": ["x", "y"], "n": 3, "pi": 3.14159, "ok": True, "none": None,
        "nested": {"a": [1, 2.5, -0.0, 1e100, 10**20], "é": "naïve ☃ \U0001F600", "q": 'say "hi"\n\t'}}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, []], {}], indent="\t"))
print(json.dumps(data["nested"]["a"], separators=(",", ":")))
print(json.dumps({1: "one", 2.5: "x", True: "t", None: "n"}))
print(json.dumps((1, 2)), json.dumps("a/b"), json.dumps(float("inf")), json.dumps(float("nan")))
print(json.loads(json.dumps(data)) == data)
print(json.loads('  {"a": [1, 2, {"b": null}], "c": "\\u00e9\\ud83d\\ude00\\n", "d": -1.5e3, "e": 0}  '))
print(json.loads(b'[true, false, 12345678901234567890]'))
for bad in ['', '{"a" 1}', '[1, 2', '{"a": 1,}', '[1,]', 'nul', '"abc', '{1: 2}', '[1] x', '"\\q"', '01']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"when": object()}, default=lambda o: "an object"))
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps(float("inf"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.loads(3)
except TypeError as e:
    print("TypeError:", e)
json.loads('{"a": }')
