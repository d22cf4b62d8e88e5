import time


class ContextManager:
    def __init__(self):
        self.conn = None

    def action(self):
        return self.conn

    def __enter__(self):
        time.sleep(1)          # connect to the database: blocks for a second
        self.conn = "OK"
        return self

    def __exit__(self, exc_type, exc, tb):
        self.conn = "CLOSE"    # close the connection


def main():
    with ContextManager() as cm:    # recap: an object with __enter__ and __exit__ is a context manager
        result = cm.action()
        print(result)


main()
