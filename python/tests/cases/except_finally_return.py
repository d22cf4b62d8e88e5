# feature: finally overriding return values and swallowing exceptions with return
def f():
    try:
        return "try"
    finally:
        print("finally runs")

def g():
    try:
        return "try"
    finally:
        return "finally"

def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

def loop():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)

print(f(), g(), h())
loop()
