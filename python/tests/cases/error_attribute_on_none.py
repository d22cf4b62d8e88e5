# feature: uncaught AttributeError: 'NoneType' object has no attribute (list.sort returns None)
words = ["b", "a"]
result = words.sort()
print(words, result)
print(result.upper())
