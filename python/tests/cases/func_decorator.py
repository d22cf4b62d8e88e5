# feature: decorators wrapping functions, stacking, and preserving call arguments
def loud(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper

def twice(fn):
    def wrapper(*args):
        return fn(*args) * 2
    return wrapper

@loud
def add(a, b=1):
    return a + b

@twice
@twice
def three():
    return 3

add(2)
add(2, b=5)
print(three())
print(add.__name__)
