# feature: uncaught TypeError: 'int' object is not callable (shadowed name)
total = 10
items = [1, 2, 3]
sum = 0
for i in items:
    sum += i
print(sum)
print(sum(items) + total)
