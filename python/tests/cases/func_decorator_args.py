# feature: decorator factories with arguments, copying __name__ onto the wrapper

def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco

@repeat(3)
def hello(who):
    return "hi " + who

print(hello("you"))
print(hello.__name__)

counter = {"calls": 0}
def counted(fn):
    def inner(*a):
        counter["calls"] += 1
        return fn(*a)
    return inner

sq = counted(lambda x: x * x)
print([sq(i) for i in range(4)], counter)
