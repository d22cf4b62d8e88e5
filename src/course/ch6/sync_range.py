class MyRange:
    def __init__(self, total=0):
        self.total = total
        self.count = 0

    def __iter__(self):
        return self

    def __next__(self):    # 普通方法：取值时不能等待
        if self.count < self.total:
            x = self.count
            self.count += 1
            return x
        else:
            raise StopIteration


for i in MyRange(10):    # 回顾：实现了 __iter__ 和 __next__ 的对象就是迭代器
    print(i)
