"""Run a Python program under CPython on a virtual clock; print a normalized transcript.

Usage:  python3 vtime.py path/to/prog.py

The program runs as CPython would run it as ``main.py`` (``__name__ == "__main__"``, code
compiled with the file name ``main.py``), but every clock is virtual and starts at 0:

* every asyncio event loop (``asyncio.run``, ``new_event_loop``, ``get_event_loop``) is a
  ``_UnixSelectorEventLoop`` subclass (same name, so its repr is CPython's) whose ``time()`` is
  the virtual clock and whose selector, when nothing is ready, sets the clock to the deadline of
  the first timer instantly instead of waiting (exactly that float, no drift).  ``loop.time()`` is
  0.0 at the start of the program.  Timers are ordered by (deadline, order of scheduling): timers
  due at the same instant fire in the order they were scheduled, as they would on a real clock
  (CPython's plain heapq is not stable for equal deadlines).  Everything else is CPython's own
  ``BaseEventLoop._run_once``: a timer is due when ``when < now + 1e-9`` (clock resolution).
* ``time.monotonic()`` / ``time.perf_counter()`` return the virtual clock, ``time.time()`` returns
  ``1_700_000_000.0 + virtual``, ``time.sleep(s)`` advances the virtual clock by ``s`` (it blocks:
  nothing else runs meanwhile).  ``random`` is left alone.
* if the loop has nothing ready and nothing scheduled (the program would hang forever), the
  transcript ends with ``[<ms>] !deadlock`` and the harness stops at once (no cleanup, no gc).

Transcript (stdout of this script, UTF-8, one line per ``\\n``):

* ``[<ms>] <text>`` for each line the program writes to ``sys.stdout`` (``print``, ``sys.stdout.write``),
  stamped when its ``\\n`` is written.  ``<ms>`` is the virtual time in integer milliseconds, rounded
  half away from zero (Rust: ``(t * 1000.0).round() as i64``).  Text written with ``end=''`` stays
  pending and becomes part of the line that a later write completes (stamped at completion time).
  A pending partial line when the program ends (normally, by an uncaught exception, or by a
  deadlock) is emitted as one line stamped with the time at the end.
* ``[<ms>] !stderr: <text>`` for what the program writes to ``sys.stderr`` (one per line), and for
  these messages, first line only:
    - whatever asyncio logs (logger ``asyncio``): ``!stderr: Task exception was never retrieved``,
      ``!stderr: Task was destroyed but it is pending!``, ...
    - warnings: ``!stderr: <Category>: <message>``, e.g.
      ``!stderr: RuntimeWarning: coroutine 'work' was never awaited``.  The filter is "always"
      (every occurrence is shown), except ``ResourceWarning`` which stays ignored (CPython's default).
    - unraisable exceptions (``__del__`` errors): ``!stderr: Exception ignored: <Type>: <message>``.
* on an uncaught exception, after the pending partial line: the traceback, lines WITHOUT prefix::

      Traceback (most recent call last):
        File "main.py", line 12, in <module>
        File "main.py", line 5, in main
      ValueError: boom

  Only frames of main.py, innermost last, named by ``co_name`` (``<module>``, ``main``, ``<lambda>``,
  ``<listcomp>``, ``<genexpr>``, method names without class).  No source lines, no carets.  More
  than 3 identical consecutive frame lines are cut as CPython does: the first 3, then
  ``  [Previous line repeated N more times]``.  The header line is printed only when at least one
  main.py frame remains.  The last part is ``traceback.format_exception_only`` (``ExcType: msg``,
  ``ExcType`` alone when ``str(exc)`` is empty, ``module.Name`` for exceptions of other modules than
  builtins/__main__, e.g. ``asyncio.exceptions.CancelledError``; notes after).  Chained exceptions
  come first, oldest first, as CPython prints them, separated by the three lines
  ``""``, ``"The above exception was the direct cause of the following exception:"``, ``""`` (cause)
  or ``""``, ``"During handling of the above exception, another exception occurred:"``, ``""`` (context).
* a program that does not compile: only the SyntaxError lines as CPython prints them (no header)::

        File "main.py", line 3
          if x
              ^
      SyntaxError: expected ':'

* automatic cyclic gc is disabled while the program runs: objects are finalized when their last
  reference goes away (CPython's reference counting), objects in reference cycles only at the end.
  After the traceback (or the normal end) the harness drops the exception and runs ``gc.collect()``
  once; messages of finalizers that run then (e.g. "Task exception was never retrieved",
  "Task was destroyed but it is pending!") come last, stamped with the final time.
  Objects still referenced from the module's globals are not finalized.  asyncio debug mode is
  always off.  ``SystemExit`` ends the
  program silently (a non-int code is shown as ``!stderr: <code>``).

The exit code is 0 whenever the program ran (even if it raised); 2 on a harness error.

Batch mode:  python3 vtime.py --batch OUT_DIR prog1.py prog2.py ...
forks one child per program after the imports and writes OUT_DIR/<name>.transcript for each
(same transcripts as the single-program mode, about 10x faster for the whole corpus).
"""

import builtins
import gc
import heapq
import io
import itertools
import logging
import math
import os
import selectors
import sys
import tempfile
import time
import traceback
import types
import warnings

import asyncio
import asyncio.unix_events

# Pre-import what corpus programs use, so that imports cost nothing on the virtual clock and never
# disturb the program's run.
import collections  # noqa: F401
import functools  # noqa: F401
import random  # noqa: F401

EPOCH = 1_700_000_000.0


class _Clock:
    now = 0.0


CLOCK = _Clock()


def ms_now():
    x = CLOCK.now * 1000.0
    i = math.floor(x)
    return int(i) + (1 if x - i >= 0.5 else 0)


class Transcript:
    def __init__(self, raw):
        self.raw = raw  # binary stream, written once at the end
        self.buf = bytearray()

    def emit(self, line):
        self.buf += line.encode("utf-8", "backslashreplace") + b"\n"

    def stamped(self, text):
        self.emit(f"[{ms_now()}] {text}")

    def flush(self):
        data, self.buf = bytes(self.buf), bytearray()
        try:
            self.raw.write(data)
            self.raw.flush()
        except BrokenPipeError:
            pass


TRANSCRIPT = Transcript(sys.__stdout__.buffer)


class StampedWriter(io.TextIOBase):
    """sys.stdout / sys.stderr replacement: stamps each completed line."""

    def __init__(self, prefix, name):
        super().__init__()
        self._prefix = prefix
        self._pending = ""
        self._name = name

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    @property
    def name(self):
        return self._name

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        buf = self._pending + s
        *lines, self._pending = buf.split("\n")
        for line in lines:
            TRANSCRIPT.stamped(self._prefix + line)
        return len(s)

    def flush(self):
        pass

    def finish(self):
        """Emit a pending partial line (end of program)."""
        if self._pending:
            line, self._pending = self._pending, ""
            TRANSCRIPT.stamped(self._prefix + line)


STDOUT = StampedWriter("", "<stdout>")
STDERR = StampedWriter("!stderr: ", "<stderr>")


def stderr_message(text):
    TRANSCRIPT.stamped("!stderr: " + str(text).split("\n", 1)[0])


# --- the virtual clock --------------------------------------------------------------------------


def deadlock():
    STDOUT.finish()
    STDERR.finish()
    TRANSCRIPT.stamped("!deadlock")
    TRANSCRIPT.flush()
    os._exit(0)


class VirtualSelector(selectors.SelectSelector):
    loop = None

    def select(self, timeout=None):
        ready = super().select(0)
        if ready:
            return ready
        if timeout is None:
            deadlock()
        if timeout > 0:
            # _run_once asked to wait until the first (non-cancelled) timer is due: jump to its
            # deadline exactly (no float drift from now + (when - now)).
            scheduled = self.loop._scheduled if self.loop is not None else None
            if scheduled and scheduled[0]._when > CLOCK.now:
                CLOCK.now = scheduled[0]._when
            else:
                CLOCK.now += timeout
        return []


_SEQ = itertools.count()


class TimerHandle(asyncio.events.TimerHandle):
    """CPython's TimerHandle ordered by (when, creation order).

    On a real clock two timers practically never share a deadline, and the one scheduled later
    fires later.  On the virtual clock ties are common; CPython's heapq is not stable for equal
    keys, so without this tie-break timers due at the same instant would fire in an order that
    only reflects the heap's shape.  Same class name, so repr() is unchanged."""

    __slots__ = ("_seq",)

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._seq = next(_SEQ)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when, self._seq) < (other._when, other._seq)
        return super().__lt__(other)

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when, self._seq) > (other._when, other._seq)
        return super().__gt__(other)

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when, self._seq) <= (other._when, other._seq)
        return super().__le__(other)

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when, self._seq) >= (other._when, other._seq)
        return super().__ge__(other)


class _UnixSelectorEventLoop(asyncio.unix_events._UnixSelectorEventLoop):
    # Same class name as CPython's, so that repr(loop) is unchanged.
    def __init__(self, selector=None):
        sel = VirtualSelector()
        super().__init__(sel)
        sel.loop = self
        # Debug mode (PYTHONASYNCIODEBUG, -X dev) would add slow-callback logs and change reprs.
        self.set_debug(False)

    def time(self):
        return CLOCK.now

    def call_at(self, when, callback, *args, context=None):
        # BaseEventLoop.call_at of 3.11, with the tie-breaking TimerHandle.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


class VirtualPolicy(asyncio.unix_events._UnixDefaultEventLoopPolicy):
    _loop_factory = _UnixSelectorEventLoop


def v_time():
    return EPOCH + CLOCK.now


def v_time_ns():
    return int(v_time() * 1e9)


def v_monotonic():
    return CLOCK.now


def v_monotonic_ns():
    return int(CLOCK.now * 1e9)


def v_sleep(secs):
    if not isinstance(secs, (int, float)):
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    CLOCK.now += secs


def install_clock():
    asyncio.set_event_loop_policy(VirtualPolicy())
    asyncio.SelectorEventLoop = _UnixSelectorEventLoop
    asyncio.unix_events.SelectorEventLoop = _UnixSelectorEventLoop
    time.time = v_time
    time.time_ns = v_time_ns
    time.monotonic = v_monotonic
    time.monotonic_ns = v_monotonic_ns
    time.perf_counter = v_monotonic
    time.perf_counter_ns = v_monotonic_ns
    time.sleep = v_sleep


# --- stderr channels ----------------------------------------------------------------------------


class AsyncioLogHandler(logging.Handler):
    def emit(self, record):
        try:
            msg = record.getMessage()
        except Exception:  # pragma: no cover
            msg = str(record.msg)
        stderr_message(msg)


def show_warning(message, category, filename, lineno, file=None, line=None):
    stderr_message(f"{category.__name__}: {message}")


def unraisable_hook(unraisable):
    exc = unraisable.exc_value
    if exc is None:
        stderr_message("Exception ignored")
        return
    stderr_message("Exception ignored: " + traceback.format_exception_only(type(exc), exc)[-1].strip())


def install_stderr_channels():
    log = logging.getLogger("asyncio")
    log.handlers[:] = [AsyncioLogHandler()]
    log.propagate = False
    warnings.resetwarnings()
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", category=ResourceWarning)
    warnings.showwarning = show_warning
    sys.unraisablehook = unraisable_hook


# --- tracebacks ---------------------------------------------------------------------------------

FILENAME = "main.py"
_RECURSIVE_CUTOFF = 3


def frame_lines(tb):
    out = []
    last = None
    count = 0
    for frame, lineno in traceback.walk_tb(tb):
        code = frame.f_code
        if code.co_filename != FILENAME:
            continue
        line = f'  File "{FILENAME}", line {lineno}, in {code.co_name}'
        if line == last:
            count += 1
        else:
            if count > _RECURSIVE_CUTOFF:
                out.append(repeated(count - _RECURSIVE_CUTOFF))
            last = line
            count = 1
        if count <= _RECURSIVE_CUTOFF:
            out.append(line)
    if count > _RECURSIVE_CUTOFF:
        out.append(repeated(count - _RECURSIVE_CUTOFF))
    return out


def repeated(n):
    return f"  [Previous line repeated {n} more time{'s' if n > 1 else ''}]"


def exception_only(exc):
    lines = []
    for chunk in traceback.format_exception_only(type(exc), exc):
        lines.extend(chunk.rstrip("\n").split("\n"))
    return lines


def format_exception(exc, seen=None):
    if seen is None:
        seen = set()
    seen.add(id(exc))
    lines = []
    cause = exc.__cause__
    context = exc.__context__
    if cause is not None and id(cause) not in seen:
        lines += format_exception(cause, seen)
        lines += ["", "The above exception was the direct cause of the following exception:", ""]
    elif context is not None and not exc.__suppress_context__ and id(context) not in seen:
        lines += format_exception(context, seen)
        lines += ["", "During handling of the above exception, another exception occurred:", ""]
    frames = frame_lines(exc.__traceback__)
    if frames:
        lines.append("Traceback (most recent call last):")
        lines += frames
    lines += exception_only(exc)
    return lines


# --- running ------------------------------------------------------------------------------------


def syntax_error_lines(exc, source):
    """A compile-time SyntaxError exactly as CPython's own display (C, not traceback.py) shows it
    when it runs a script: file/line, the source line, the caret line, ``SyntaxError: msg``."""
    if exc.text is None and exc.lineno:
        # For errors found after parsing (e.g. 'return' outside function) CPython reads the line
        # back from the file; ours is not on disk under that name.
        lines = source.decode("utf-8", "replace").splitlines(True)
        if 0 < exc.lineno <= len(lines):
            exc.text = lines[exc.lineno - 1]
    exc.__traceback__ = None
    buf = io.StringIO()
    saved = sys.stderr
    sys.stderr = buf
    try:
        sys.__excepthook__(type(exc), exc, None)
    finally:
        sys.stderr = saved
    return buf.getvalue().rstrip("\n").split("\n")


def finish():
    gc.collect()
    STDOUT.finish()
    STDERR.finish()
    TRANSCRIPT.flush()
    os._exit(0)


def run(path):
    with open(path, "rb") as f:
        source = f.read()

    # CPython fills in a SyntaxError's source line by reading "main.py" from the current
    # directory; make sure no such file is found there: an empty folder of the program's own,
    # where the files it writes go too.
    os.chdir(tempfile.mkdtemp(prefix="loopscope-vtime-"))
    install_clock()
    install_stderr_channels()
    sys.stdout = STDOUT
    sys.stderr = STDERR
    sys.argv = [FILENAME]

    try:
        code = compile(source, FILENAME, "exec", dont_inherit=True)
    except SyntaxError as e:
        for line in syntax_error_lines(e, source):
            TRANSCRIPT.emit(line)
        finish()
        return

    module = types.ModuleType("__main__")
    module.__file__ = FILENAME
    module.__builtins__ = builtins
    sys.modules["__main__"] = module

    # No automatic cyclic gc while the program runs: finalizers (e.g. "Task exception was never
    # retrieved") run either when the last reference goes away or at the final gc.collect(),
    # never at an allocation-count-dependent moment.
    gc.disable()
    try:
        exec(code, module.__dict__)
    except SystemExit as e:
        STDOUT.finish()
        if e.code is not None and not isinstance(e.code, int):
            stderr_message(e.code)
        del e
    except BaseException as e:  # noqa: BLE001 - the program's uncaught exception
        STDOUT.finish()
        STDERR.finish()
        lines = format_exception(e)
        for line in lines:
            TRANSCRIPT.emit(line)
        e.__traceback__ = None
        del e
    finish()


def run_guarded(path):
    gc.collect()
    try:
        run(path)
    except BaseException:  # harness error
        sys.stdout = sys.__stdout__
        sys.stderr = sys.__stderr__
        TRANSCRIPT.flush()
        traceback.print_exc()
        sys.__stderr__.flush()
        os._exit(2)


def batch(out_dir, paths):
    """Fork one child per program (after the imports, so each costs ~20 ms instead of a fresh
    interpreter); child i writes its transcript to OUT_DIR/<basename without .py>.transcript."""
    os.makedirs(out_dir, exist_ok=True)
    failed = 0
    for path in paths:
        name = os.path.splitext(os.path.basename(path))[0] + ".transcript"
        target = os.path.abspath(os.path.join(out_dir, name))
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.close(fd)
            run_guarded(path)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed += 1
            print(f"harness error on {path}", file=sys.stderr)
    sys.exit(2 if failed else 0)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--batch":
        batch(sys.argv[2], sys.argv[3:])
    if len(sys.argv) != 2:
        print("usage: python3 vtime.py path/to/prog.py\n"
              "       python3 vtime.py --batch OUT_DIR prog.py...", file=sys.stderr)
        sys.exit(2)
    run_guarded(sys.argv[1])


if __name__ == "__main__":
    main()
