# open() for writing and reading back: text and binary, "w" and "a", and the errors of a
# wrong type, a closed file and a bad mode.
with open("notes.txt", "w") as f:
    print(f.write("first line\n"))
    f.write("second line\n")
    print(f.writable(), f.readable(), f.closed)
print(f.closed)
with open("notes.txt") as f:
    print(f.read(), end="")
with open("notes.txt", "a") as f:
    f.writelines(["third\n", "fourth\n"])
with open("notes.txt") as f:
    print(f.readlines())
with open("data.bin", "wb") as f:
    print(f.write(b"\x00\x01abc"))
    print(repr(f))
with open("data.bin", "rb") as f:
    print(f.read())
try:
    with open("data.bin", "wb") as f:
        f.write("text")
except TypeError as e:
    print("TypeError:", e)
with open("data.bin", "rb") as f:
    print(f.read())
try:
    with open("notes.txt", "w") as f:
        f.write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
with open("notes.txt") as f:
    print(repr(f.read()))
f = open("notes.txt", "w")
f.write("kept ")
f.write("in order")
f.close()
print(open("notes.txt").read())
try:
    f.write("late")
except ValueError as e:
    print("ValueError:", e)
for mode in ["rw", "rbt", "wz", "ww"]:
    try:
        open("notes.txt", mode)
    except ValueError as e:
        print("ValueError:", e)
with open("utf.txt", "w", encoding="utf-8") as f:
    print(f.write("事件循环"))
with open("utf.txt", "rb") as f:
    print(len(f.read()))
