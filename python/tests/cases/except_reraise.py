# feature: bare raise re-raising the current exception, uncaught after logging
def process(x):
    try:
        return 100 // x
    except ZeroDivisionError:
        print("logging the error, then re-raising")
        raise

print(process(5))
process(0)
