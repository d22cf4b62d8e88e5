# feature: @property getter, setter with validation, and computed read-only property
class Account:
    def __init__(self, balance):
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("negative balance")
        self._balance = value

    @property
    def rich(self):
        return self._balance > 1000

acc = Account(10)
print(acc.balance, acc.rich)
acc.balance = 5000
print(acc.balance, acc.rich)
try:
    acc.balance = -1
except ValueError as e:
    print("ValueError:", e)
try:
    acc.rich = False
except AttributeError as e:
    print("AttributeError:", e)
