# feature: nested try blocks, inner handlers, outer handlers, exceptions inside except
def f():
    try:
        try:
            raise ValueError("inner")
        except ValueError as e:
            print("inner caught", e)
            raise TypeError("from handler")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e, "context:", repr(e.__context__))
    finally:
        print("outer finally")

f()
