# feature: an exception from the program's own function inside itertools tools propagates with the program's frames (lib_: optional module)
import itertools

def check(x):
    if x > 2:
        raise ValueError(f"too big: {x}")
    return x < 5

print(list(itertools.takewhile(check, [1, 2])))
print(list(itertools.islice(itertools.starmap(divmod, [(7, 2), (9, 4)]), 1)))
for n in itertools.takewhile(check, itertools.count(1)):
    print(n)
