# feature: uncaught NameError for an undefined name inside a function
def greet():
    print("hello", username)

print("before")
greet()
