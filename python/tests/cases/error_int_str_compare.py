# feature: uncaught TypeError from sorting mixed types ('<' not supported)
data = [3, 1, 2]
data.sort()
print(data)
mixed = [3, "1", 2]
mixed.sort()
