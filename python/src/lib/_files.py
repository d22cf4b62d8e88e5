# What `open()` returns in Loopscope's Python, written in the Python it runs: a file of the host's
# read-only folder (the page's servers' folder), read as text (`_io.TextIOWrapper`) or as bytes
# (`_io.BufferedReader`). `open()` itself (a built-in) checks the mode and asks the host for the
# file's bytes; writing is refused there. Its frames are left out of tracebacks, as CPython's C
# frames are.


class _File:
    def __init__(self, name, mode, data):
        self.name = name
        self.mode = mode
        self._data = data
        self._at = 0
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            end = len(self._data)
        else:
            end = min(self._at + size, len(self._data))
        piece = self._data[self._at:end]
        self._at = end
        return piece

    def readline(self, size=-1):
        self._check()
        end = self._data.find(self._newline, self._at)
        end = len(self._data) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._at + size)
        piece = self._data[self._at:end]
        self._at = end
        return piece

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return False

    def write(self, data):
        self._check()
        raise OSError("not writable")

    def close(self):
        self.closed = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()


class TextIOWrapper(_File):
    _tp_name = "_io.TextIOWrapper"
    _newline = "\n"

    def __init__(self, name, mode, data, encoding):
        _File.__init__(self, name, mode, data.decode(encoding).replace("\r\n", "\n"))
        self.encoding = encoding

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (self.name, self.mode, self.encoding)


class BufferedReader(_File):
    _tp_name = "_io.BufferedReader"
    _newline = b"\n"

    def __repr__(self):
        return "<_io.BufferedReader name=%r>" % (self.name,)


def opened(name, mode, data, encoding):
    if "b" in mode:
        return BufferedReader(name, mode, data)
    return TextIOWrapper(name, mode, data, encoding or "UTF-8")
