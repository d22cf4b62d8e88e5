# feature: exception inside a with block inside a loop, __exit__ sees each exception
class Tx:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        print("begin", self.n)
        return self

    def __exit__(self, et, e, tb):
        if et is None:
            print("commit", self.n)
        else:
            print("rollback", self.n, "because", e)
        return et is ValueError

for n in range(3):
    with Tx(n):
        if n == 1:
            raise ValueError("bad row")
        print("work", n)
print("end")
