# feature: ZeroDivisionError texts for /, //, % on ints and floats, divmod, and float zero
for f in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.5 // 0.0,
          lambda: 2.0 % 0, lambda: divmod(1, 0), lambda: 0 ** -1, lambda: 5 / 0.0]:
    try:
        f()
    except ZeroDivisionError as e:
        print(e)
