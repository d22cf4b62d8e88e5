# feature: uncaught KeyError on a dict lookup (message is the repr of the key)
prices = {"apple": 1.5, "pear": 2.0}
print(prices["apple"])
print(prices.get("kiwi"))
print(prices["kiwi"])
