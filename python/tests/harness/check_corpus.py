"""Check the corpus against the CPython harness (run sequentially; the machine is shared).

Usage:  python3 check_corpus.py [DIR_OR_FILE ...]     (default: ../cases and ../cases/generated)

For every program: run vtime.py twice (PYTHONHASHSEED=1 and 2, so string-hash or address
dependent output shows up as a difference), and report
  * harness errors (exit code != 0, or anything on the harness's stderr),
  * non-deterministic transcripts,
  * runs slower than 1 s of wall time,
  * a missing first line "# feature: ...",
  * syntax_*.py programs whose transcript is not a SyntaxError/IndentationError one.
Exit code 1 if anything failed.
"""

import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
VTIME = os.path.join(HERE, "vtime.py")
CASES = os.path.normpath(os.path.join(HERE, "..", "cases"))


def run(path, seed):
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, VTIME, path], capture_output=True, env=env)
    return p, time.monotonic() - t0


def programs(args):
    dirs = args or [CASES, os.path.join(CASES, "generated")]
    out = []
    for d in dirs:
        if os.path.isfile(d):
            out.append(d)
        elif os.path.isdir(d):
            out += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".py"))
    return out


def main():
    failures = 0
    files = programs(sys.argv[1:])
    slowest = (0.0, None)
    for path in files:
        name = os.path.relpath(path, CASES)
        problems = []
        with open(path, encoding="utf-8") as f:
            if not f.readline().startswith("# feature: "):
                problems.append("first line is not '# feature: ...'")
        p1, t1 = run(path, 1)
        p2, t2 = run(path, 2)
        for p in (p1, p2):
            if p.returncode != 0 or p.stderr:
                problems.append(f"harness error rc={p.returncode}: {p.stderr.decode(errors='replace')[-2000:]}")
                break
        if p1.stdout != p2.stdout:
            problems.append("transcript differs between two runs")
        t = max(t1, t2)
        slowest = max(slowest, (t, name))
        if t > 1.0:
            problems.append(f"slow: {t:.2f}s")
        out = p1.stdout.decode("utf-8", "replace")
        if os.path.basename(path).startswith("syntax_"):
            last = out.rstrip("\n").split("\n")[-1]
            if not (out.startswith('  File "main.py", line ') and last.split(":")[0] in ("SyntaxError", "IndentationError")):
                problems.append("not a SyntaxError transcript")
        elif out.startswith('  File "main.py", line '):
            problems.append("unexpected compile error")
        if problems:
            failures += 1
            print(f"FAIL {name}")
            for pr in problems:
                print("    " + pr)
    print(f"{len(files)} programs, {failures} failing, slowest {slowest[0]:.2f}s ({slowest[1]})")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
