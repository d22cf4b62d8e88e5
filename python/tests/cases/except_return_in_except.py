# feature: return from except and finally with the exception handled; sys-free exception info via as
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return f"cannot: {e}"
    finally:
        print("divided", a, b)

print(safe_div(1, 4))
print(safe_div(1, 0))
