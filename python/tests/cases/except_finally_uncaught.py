# feature: finally blocks run (innermost first) before an uncaught exception is reported
def inner():
    try:
        raise IndexError("deep")
    finally:
        print("inner finally")

def outer():
    try:
        inner()
    finally:
        print("outer finally")

outer()
