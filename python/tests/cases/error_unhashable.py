# feature: uncaught TypeError: unhashable type: 'list' used as a dict key
seen = {}
key = [1, 2]
seen[tuple(key)] = True
print(seen)
seen[key] = True
