# feature: except clauses matched in order, base classes catching subclasses
class A(Exception): pass
class B(A): pass
class C(B): pass

for exc in [A, B, C, ValueError]:
    try:
        raise exc("x")
    except C:
        print("caught as C")
    except B:
        print("caught as B")
    except A:
        print("caught as A")
    except Exception as e:
        print("caught as Exception:", type(e).__name__)
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
