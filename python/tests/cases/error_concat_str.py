# feature: uncaught TypeError: can only concatenate str (not "int") to str
age = 30
print("age: " + str(age))
print("age: " + age)
