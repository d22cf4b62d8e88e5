# feature: itertools cycle/repeat/chain/islice/accumulate/starmap/takewhile/dropwhile/zip_longest, count repr (lib_: optional module)
import itertools
from itertools import chain, islice, cycle, repeat, accumulate

print(list(islice(cycle("ab"), 5)), list(repeat("x", 3)), repeat(7, 2), itertools.count(5), itertools.count(1, 2))
print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable(["xy", [0]])))
print(list(islice(range(10), 3)), list(islice(range(10), 2, 8, 2)), list(islice("abcdef", 4, None)))
it = iter(range(10))
print(list(islice(it, 0, 5, 3)), next(it))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=10)))
print(list(accumulate([])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.zip_longest()))
print(list(itertools.filterfalse(None, [0, 1, "", "a"])), list(itertools.compress("abcd", [1, 0, 1])), list(itertools.pairwise("abcd")))
counter = itertools.count()
print([next(counter) for _ in range(3)], counter)
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b), type(itertools.chain()).__name__)
for bad in (lambda: islice([], -1), lambda: islice([], 0, 5, 0), lambda: list(chain(1))):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
