# `json` for Loopscope's Python, written in the Python it runs: `dumps` / `loads` (and `dump` /
# `load` on a file object) with CPython's output, byte for byte, for what a program encodes (dicts,
# lists, tuples, str, int, float, bool, None; `indent`, `separators`, `sort_keys`, `ensure_ascii`,
# `default`), and CPython's `JSONDecodeError` texts. Its frames are left out of tracebacks, as
# CPython's C accelerator's are.

__all__ = ["dump", "dumps", "load", "loads", "JSONDecodeError", "JSONDecoder", "JSONEncoder"]

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
            continue
        n = ord(ch)
        if n < 0x20 or (ensure_ascii and n > 0x7E):
            if n > 0xFFFF:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
            else:
                out.append("\\u%04x" % n)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _float(f, allow_nan):
    if f != f:
        text = "NaN"
    elif f == float("inf"):
        text = "Infinity"
    elif f == -float("inf"):
        text = "-Infinity"
    else:
        return repr(f)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder:
    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator, self.key_separator = ",", ": "
        else:
            self.item_separator, self.key_separator = ", ", ": "
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")

    def encode(self, o):
        out = []
        self._encode(o, out, 0, [])
        return "".join(out)

    def _key(self, key):
        if isinstance(key, str):
            return key
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, float):
            return _float(key, self.allow_nan)
        if isinstance(key, int):
            return repr(int(key))
        if self.skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")

    def _newline(self, level):
        if self.indent is None:
            return ""
        return "\n" + self.indent * level

    def _encode(self, o, out, level, seen):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(repr(int(o)))
        elif isinstance(o, float):
            out.append(_float(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self._enter(o, seen)
            if not o:
                out.append("[]")
            else:
                out.append("[")
                first = True
                for item in o:
                    out.append(self._newline(level + 1) if first else self.item_separator + self._newline(level + 1))
                    first = False
                    self._encode(item, out, level + 1, seen)
                out.append(self._newline(level) + "]")
            seen.pop()
        elif isinstance(o, dict):
            self._enter(o, seen)
            if not o:
                out.append("{}")
            else:
                out.append("{")
                items = list(o.items())
                if self.sort_keys:
                    items = sorted(items, key=lambda kv: kv[0])
                first = True
                for key, value in items:
                    key = self._key(key)
                    if key is None:
                        continue
                    out.append(self._newline(level + 1) if first else self.item_separator + self._newline(level + 1))
                    first = False
                    out.append(_quote(key, self.ensure_ascii))
                    out.append(self.key_separator)
                    self._encode(value, out, level + 1, seen)
                out.append(self._newline(level) + "}")
            seen.pop()
        else:
            self._enter(o, seen)
            self._encode(self.default(o), out, level, seen)
            seen.pop()

    def _enter(self, o, seen):
        for other in seen:
            if other is o:
                raise ValueError("Circular reference detected")
        seen.append(o)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False):
    encoder = (cls or JSONEncoder)(skipkeys=skipkeys, ensure_ascii=ensure_ascii, allow_nan=allow_nan,
                                   sort_keys=sort_keys, indent=indent, separators=separators, default=default)
    return encoder.encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


class JSONDecodeError(ValueError):
    __module__ = "json.decoder"

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_WS = " \t\n\r"
_BACKSLASH = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_NUMBER_START = "-0123456789"


class _Parser:
    def __init__(self, doc):
        self.doc = doc

    def skip(self, i):
        doc = self.doc
        n = len(doc)
        while i < n and doc[i] in _WS:
            i += 1
        return i

    def value(self, i):
        doc = self.doc
        if i >= len(doc):
            raise JSONDecodeError("Expecting value", doc, i)
        ch = doc[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == "{":
            return self.object(i + 1)
        if ch == "[":
            return self.array(i + 1)
        if doc.startswith("null", i):
            return None, i + 4
        if doc.startswith("true", i):
            return True, i + 4
        if doc.startswith("false", i):
            return False, i + 5
        if doc.startswith("NaN", i):
            return float("nan"), i + 3
        if doc.startswith("Infinity", i):
            return float("inf"), i + 8
        if doc.startswith("-Infinity", i):
            return -float("inf"), i + 9
        if ch in _NUMBER_START:
            return self.number(i)
        raise JSONDecodeError("Expecting value", doc, i)

    def number(self, i):
        doc = self.doc
        n = len(doc)
        start = i
        if doc[i] == "-":
            i += 1
        if i >= n or not doc[i].isdigit():
            raise JSONDecodeError("Expecting value", doc, start)
        if doc[i] == "0":
            i += 1
        else:
            while i < n and doc[i].isdigit():
                i += 1
        is_float = False
        if i + 1 < n and doc[i] == "." and doc[i + 1].isdigit():
            is_float = True
            i += 1
            while i < n and doc[i].isdigit():
                i += 1
        if i < n and doc[i] in "eE":
            j = i + 1
            if j < n and doc[j] in "+-":
                j += 1
            if j < n and doc[j].isdigit():
                is_float = True
                i = j
                while i < n and doc[i].isdigit():
                    i += 1
        text = doc[start:i]
        return (float(text) if is_float else int(text)), i

    def string(self, i):
        doc = self.doc
        n = len(doc)
        begin = i - 1
        out = []
        while True:
            if i >= n:
                raise JSONDecodeError("Unterminated string starting at", doc, begin)
            ch = doc[i]
            if ch == '"':
                return "".join(out), i + 1
            if ch == "\\":
                if i + 1 >= n:
                    raise JSONDecodeError("Unterminated string starting at", doc, begin)
                esc = doc[i + 1]
                if esc == "u":
                    code = self.hex4(i + 2)
                    i += 6
                    if 0xD800 <= code <= 0xDBFF and doc.startswith("\\u", i):
                        low = self.hex4(i + 2)
                        if 0xDC00 <= low <= 0xDFFF:
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                    out.append(chr(code))
                    continue
                if esc not in _BACKSLASH:
                    raise JSONDecodeError("Invalid \\escape", doc, i)
                out.append(_BACKSLASH[esc])
                i += 2
                continue
            if ord(ch) < 0x20:
                raise JSONDecodeError("Invalid control character at", doc, i)
            out.append(ch)
            i += 1

    def hex4(self, i):
        text = self.doc[i:i + 4]
        if len(text) == 4 and all(c in "0123456789abcdefABCDEF" for c in text):
            return int(text, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", self.doc, i - 1)

    def object(self, i):
        doc = self.doc
        result = {}
        i = self.skip(i)
        if i < len(doc) and doc[i] == "}":
            return result, i + 1
        while True:
            if i >= len(doc) or doc[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", doc, i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(doc) or doc[i] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", doc, i)
            i = self.skip(i + 1)
            value, i = self.value(i)
            result[key] = value
            i = self.skip(i)
            if i < len(doc) and doc[i] == "}":
                return result, i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.skip(i + 1)

    def array(self, i):
        doc = self.doc
        result = []
        i = self.skip(i)
        if i < len(doc) and doc[i] == "]":
            return result, i + 1
        while True:
            value, i = self.value(i)
            result.append(value)
            i = self.skip(i)
            if i < len(doc) and doc[i] == "]":
                return result, i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.skip(i + 1)


class JSONDecoder:
    def __init__(self, **kw):
        pass

    def decode(self, s):
        parser = _Parser(s)
        i = parser.skip(0)
        value, end = parser.value(i)
        end = parser.skip(end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return value


def loads(s, **kw):
    if isinstance(s, bytes):
        s = s.decode("utf-8")
    elif not isinstance(s, str):
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {type(s).__name__}")
    return JSONDecoder().decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
