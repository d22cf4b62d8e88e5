# feature: repr of strings: quote choice, escapes for newline/tab/backslash/unicode/control chars
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
          "bell\x07", "é ü 中", "\x00\x7f", "'"]:
    print(repr(s))
print(["a'b", 'c"d'], ("x",), {"k'": "v"})
print(str("quote's"), len("\n\t\\"))
