# feature: uncaught TypeError: 'NoneType' object is not iterable (function forgot to return)
def get_items():
    items = [1, 2, 3]
    items.append(4)

for item in get_items():
    print(item)
