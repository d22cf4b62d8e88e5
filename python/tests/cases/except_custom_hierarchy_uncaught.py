# feature: uncaught custom exception subclass with extra attributes raised through methods
class BankError(Exception):
    pass

class InsufficientFunds(BankError):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} is less than {amount}")
        self.balance = balance
        self.amount = amount

class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        return self.balance

acct = Account(100)
print(acct.withdraw(30))
try:
    acct.withdraw(500)
except BankError as e:
    print("caught:", e, e.amount)
acct.withdraw(80)
