# feature: a contextmanager whose generator raises another exception while the body's is thrown in: the other one goes on, with the body's as its context
from contextlib import contextmanager

@contextmanager
def cm():
    try:
        yield 1
    except ValueError:
        raise KeyError("other")

def main():
    with cm():
        raise ValueError("boom")

main()
