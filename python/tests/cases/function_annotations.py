# Annotations are evaluated when the function is defined, in the scope around it, and kept in
# its __annotations__ (an empty dict when none were written).
from typing import Optional

def f(a: int, b: "str" = "x", *args: float, c: Optional[str] = None, **kw: dict) -> bool:
    return True

def g(x, y):
    pass

async def h(item_id: int, q: Optional[str] = None):
    return {"item_id": item_id}

def outer():
    T = list
    def inner(v: T) -> T:
        return v
    return inner

print(f.__annotations__)
print(h.__annotations__)
print(outer().__annotations__)
print(getattr(g, "__annotations__", "none"))
