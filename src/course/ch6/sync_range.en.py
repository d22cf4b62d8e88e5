class MyRange:
    def __init__(self, total=0):
        self.total = total
        self.count = 0

    def __iter__(self):
        return self

    def __next__(self):    # a plain method: producing a value cannot wait
        if self.count < self.total:
            x = self.count
            self.count += 1
            return x
        else:
            raise StopIteration


for i in MyRange(10):    # recap: an object with __iter__ and __next__ is an iterator
    print(i)
