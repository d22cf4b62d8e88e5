# feature: traceback of a recursive function: repeated identical lines collapsed after 3
def countdown(n):
    if n == 0:
        raise ValueError("reached zero")
    return countdown(n - 1)

countdown(7)
