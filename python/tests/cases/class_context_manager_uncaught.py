# feature: __exit__ runs before an uncaught exception's traceback is shown
class Guard:
    def __enter__(self):
        print("guard on")
        return self

    def __exit__(self, *exc):
        print("guard off", exc[0].__name__)
        return False

def work():
    with Guard():
        print("working")
        raise RuntimeError("failed inside with")

work()
