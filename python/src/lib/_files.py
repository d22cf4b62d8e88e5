# What `open()` returns in Loopscope's Python, written in the Python it runs: a file read as text
# (`_io.TextIOWrapper`) or as bytes (`_io.BufferedReader`), or written (`_io.TextIOWrapper`,
# `_io.BufferedWriter`). `open()` itself (a built-in, python/src/files.rs) checks the mode, asks
# the host for a file's bytes, and gives a writer the built-in `write` that hands each write's
# bytes to the host. Its frames are left out of tracebacks, as CPython's C frames are.


class _Stream:
    def __init__(self, name, mode):
        self.name = name
        self.mode = mode
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def close(self):
        self.closed = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()


class _File(_Stream):
    def __init__(self, name, mode, data):
        _Stream.__init__(self, name, mode)
        self._data = data
        self._at = 0

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


class _Writer(_Stream):
    def __init__(self, name, mode, write):
        _Stream.__init__(self, name, mode)
        self._write = write

    def write(self, data):
        self._check()
        self._write(self._bytes(data))
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._check()

    def readable(self):
        self._check()
        return False

    def writable(self):
        self._check()
        return True

    def read(self, size=-1):
        self._check()
        raise OSError("not readable")


class _TextWriter(_Writer):
    _tp_name = "_io.TextIOWrapper"

    def __init__(self, name, mode, write, encoding):
        _Writer.__init__(self, name, mode, write)
        self.encoding = encoding

    def _bytes(self, data):
        if not isinstance(data, str):
            raise TypeError("write() argument must be str, not %s" % type(data).__name__)
        return data.encode(self.encoding)

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (self.name, self.mode, self.encoding)


class BufferedWriter(_Writer):
    _tp_name = "_io.BufferedWriter"

    def _bytes(self, data):
        if not isinstance(data, bytes):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        return data

    def __repr__(self):
        return "<_io.BufferedWriter name=%r>" % (self.name,)


def writer(name, mode, write, encoding):
    if "b" in mode:
        return BufferedWriter(name, mode, write)
    return _TextWriter(name, mode, write, encoding or "UTF-8")
