# feature: | and |= of defaultdict/OrderedDict with dicts (either side), Counter | and & as multisets, issubclass of dict (lib_: optional module)
from collections import Counter, OrderedDict, defaultdict
dd = defaultdict(list, a=[1])
print(dd | {"b": 2}, {"z": 0} | dd, issubclass(Counter, dict), issubclass(defaultdict, (int, dict)), issubclass(dict, Counter))
dd |= {"c": 3}
print(dd, OrderedDict(x=1) | {"y": 2}, {"y": 2} | OrderedDict(x=1))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), {1: 2} | {3: 4})
c = Counter(a=1)
c |= Counter(a=2, b=1)
print(c)
print(Counter(a=1) | {"b": 2}, {"b": 2} | Counter(a=1), type(Counter(a=1) | {"b": 2}).__name__)
try:
    Counter(a=1) & {"b": 2}
except TypeError as e:
    print("TypeError:", e)
