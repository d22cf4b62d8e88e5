"""Generate random asyncio programs for the differential test.

Usage:  python3 generate.py OUT_DIR N SEED

Writes OUT_DIR/gen_0000.py ... gen_{N-1}.py, a pure function of (N, SEED): program i is built from
random.Random(SEED * 1_000_003 + i), so the same arguments always give byte-identical files.

Each program defines a few task coroutines (t0, t1, ...) made of random steps -- sleeps of
multiples of 10 ms (0..200 ms, ties welcome), asyncio.sleep(0) yields, nested coroutine calls,
prints such as "t3 start" / "t3 got 5", exceptions raised and caught or propagated, handlers for
CancelledError with finally blocks -- and a main() that runs a random sequence of scenarios over
them: create_task + cancellations at random times, gather (return_exceptions or not), wait
(FIRST_COMPLETED / FIRST_EXCEPTION / ALL_COMPLETED, with or without timeout), wait_for with
timeouts, as_completed, asyncio.timeout, shield, producer/consumer queues.

Rules that keep the transcript deterministic under CPython (and so comparable):
  * sets of tasks are never printed; only sorted names or counts;
  * every task main() creates is awaited (gather(..., return_exceptions=True)) before main()
    returns, so asyncio.run never has to cancel leftovers (it would do so in set order), and
    every task exception is retrieved (no "never retrieved" log whose timing depends on refcounts);
  * queues always end with one sentinel per consumer (no deadlock).
Some programs end with an uncaught exception propagating out of asyncio.run (after the cleanup).
"""

import os
import random
import sys


class Emitter:
    def __init__(self):
        self.lines = []
        self.level = 0

    def __call__(self, text=""):
        self.lines.append(("    " * self.level + text) if text else "")

    def indent(self):
        self.level += 1

    def dedent(self):
        self.level -= 1

    def text(self):
        return "\n".join(self.lines) + "\n"


def dur(rng, hi=20):
    """A sleep of a random multiple of 10 ms in [0, hi*10] ms, as source text."""
    k = rng.randint(0, hi)
    return repr(k / 100)


class Program:
    def __init__(self, rng, index, seed):
        self.rng = rng
        self.index = index
        self.seed = seed
        self.e = Emitter()
        self.ntasks = 0
        self.task_info = {}  # name -> dict(raises=bool)

    # --- task coroutine definitions -------------------------------------------------------------

    def define_task(self, allow_raise=True, max_steps=4):
        rng = self.rng
        e = self.e
        name = f"t{self.ntasks}"
        self.ntasks += 1
        raises = allow_raise and rng.random() < 0.3
        handle_cancel = rng.random() < 0.4
        suppress_cancel = handle_cancel and rng.random() < 0.2
        has_finally = rng.random() < 0.3
        value = rng.randint(0, 9)
        e(f"async def {name}():")
        e.indent()
        e(f'print("{name} start")')
        wrapped = handle_cancel or has_finally
        if wrapped:
            e("try:")
            e.indent()
        nsteps = rng.randint(1, max_steps)
        raise_at = rng.randint(0, nsteps) if raises else None
        for step in range(nsteps):
            if raise_at == step:
                e(f'raise JobError("{name} failed at step {step}")')
                break
            kind = rng.choices(["sleep", "sleep0", "leaf", "nested", "print"], [5, 2, 2, 1, 1])[0]
            if kind == "sleep":
                e(f"await asyncio.sleep({dur(rng)})")
                e(f'print("{name} step {step}")')
            elif kind == "sleep0":
                e("await asyncio.sleep(0)")
                e(f'print("{name} yielded")')
            elif kind == "leaf":
                v = rng.randint(0, 20)
                e(f'x = await leaf("{name}", {dur(rng)}, {v})')
                e(f'print("{name} got", x)')
            elif kind == "nested":
                depth = rng.randint(1, 3)
                e(f'x = await nested("{name}", {depth}, {dur(rng, 10)})')
                e(f'print("{name} got", x)')
            else:
                e(f'print("{name} value so far", {rng.randint(0, 99)})')
        else:
            if raises:
                e(f'raise JobError("{name} failed at the end")')
        e(f"return {value}")
        if wrapped:
            e.dedent()
            if handle_cancel:
                e("except asyncio.CancelledError:")
                e.indent()
                e(f'print("{name} cancelled")')
                if suppress_cancel:
                    e(f'return "{name} gave up"')
                else:
                    e("raise")
                e.dedent()
            if has_finally:
                e("finally:")
                e.indent()
                e(f'print("{name} finally")')
                e.dedent()
        e.dedent()
        e()
        e()
        self.task_info[name] = {"raises": raises}
        return name

    # --- scenarios (bodies of main) ---------------------------------------------------------------

    def create_tasks(self, names, use_names):
        e = self.e
        items = []
        for n in names:
            if use_names:
                items.append(f'asyncio.create_task({n}(), name="{n}")')
            else:
                items.append(f"asyncio.create_task({n}())")
        e(f"ts = [{', '.join(items)}]")
        e("spawned.extend(ts)")

    def report_results(self, var="results"):
        self.e(f"print([show(r) for r in {var}])")

    def scenario_cancel(self, names):
        rng = self.rng
        e = self.e
        e(f'print("== tasks with cancellation")')
        self.create_tasks(names, use_names=rng.random() < 0.7)
        for _ in range(rng.randint(1, 2)):
            e(f"await asyncio.sleep({dur(rng)})")
            i = rng.randrange(len(names))
            e(f'print("cancel ts[{i}] ->", ts[{i}].cancel())')
        e("results = await asyncio.gather(*ts, return_exceptions=True)")
        self.report_results()

    def scenario_gather(self, names):
        rng = self.rng
        e = self.e
        re = rng.random() < 0.5
        e(f'print("== gather return_exceptions={re}")')
        self.create_tasks(names, use_names=rng.random() < 0.5)
        if re:
            e("results = await asyncio.gather(*ts, return_exceptions=True)")
            self.report_results()
        else:
            e("try:")
            e.indent()
            e("results = await asyncio.gather(*ts)")
            self.report_results()
            e.dedent()
            e("except JobError as exc:")
            e.indent()
            e('print("gather raised", repr(exc))')
            e.dedent()

    def scenario_wait(self, names):
        rng = self.rng
        e = self.e
        when = rng.choice(["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"])
        timeout = dur(rng) if rng.random() < 0.5 else None
        e(f'print("== wait {when} timeout={timeout}")')
        self.create_tasks(names, use_names=True)
        targs = f", timeout={timeout}" if timeout is not None else ""
        e(f"done, pending = await asyncio.wait(ts, return_when=asyncio.{when}{targs})")
        e('print("done", sorted(t.get_name() for t in done), "pending", len(pending))')
        e("for t in ts:")
        e.indent()
        e("if t in done:")
        e.indent()
        e('print(t.get_name(), "->", outcome(t))')
        e.dedent()
        e.dedent()
        if rng.random() < 0.5:
            e("for t in ts:")
            e.indent()
            e("if t in pending:")
            e.indent()
            e('print("cancelling", t.get_name(), t.cancel())')
            e.dedent()
            e.dedent()

    def scenario_wait_for(self, names):
        rng = self.rng
        e = self.e
        n = names[0]
        timeout = dur(rng)
        e(f'print("== wait_for {n} timeout={timeout}")')
        e("try:")
        e.indent()
        e(f"r = await asyncio.wait_for({n}(), timeout={timeout})")
        e('print("wait_for got", r)')
        e.dedent()
        e("except TimeoutError:")
        e.indent()
        e(f'print("wait_for {n} timed out")')
        e.dedent()
        e("except JobError as exc:")
        e.indent()
        e('print("wait_for raised", exc)')
        e.dedent()

    def scenario_timeout_cm(self, names):
        rng = self.rng
        e = self.e
        n = names[0]
        timeout = dur(rng)
        e(f'print("== asyncio.timeout({timeout}) around {n}")')
        e("try:")
        e.indent()
        e(f"async with asyncio.timeout({timeout}):")
        e.indent()
        e(f"r = await {n}()")
        e.dedent()
        e('print("in time:", r)')
        e.dedent()
        e("except TimeoutError:")
        e.indent()
        e(f'print("{n} hit the timeout")')
        e.dedent()
        e("except JobError as exc:")
        e.indent()
        e('print("caught", exc)')
        e.dedent()

    def scenario_as_completed(self, names):
        e = self.e
        e('print("== as_completed")')
        self.create_tasks(names, use_names=True)
        e("for fut in asyncio.as_completed(ts):")
        e.indent()
        e("try:")
        e.indent()
        e('print("completed:", await fut)')
        e.dedent()
        e("except JobError as exc:")
        e.indent()
        e('print("completed with error:", exc)')
        e.dedent()
        e.dedent()

    def scenario_shield(self, names):
        rng = self.rng
        e = self.e
        n = names[0]
        timeout = dur(rng)
        e(f'print("== shield {n} with wait_for timeout={timeout}")')
        e(f'inner = asyncio.create_task({n}(), name="{n}")')
        e("spawned.append(inner)")
        e("try:")
        e.indent()
        e(f"r = await asyncio.wait_for(asyncio.shield(inner), timeout={timeout})")
        e('print("shielded result", r)')
        e.dedent()
        e("except TimeoutError:")
        e.indent()
        e('print("timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())')
        e.dedent()
        e("except JobError as exc:")
        e.indent()
        e('print("shielded task failed:", exc)')
        e.dedent()

    def scenario_queue(self):
        rng = self.rng
        e = self.e
        k = self.index_q = getattr(self, "index_q", 0) + 1
        nprod = 1
        ncons = rng.randint(1, 2)
        nitems = rng.randint(2, 6)
        maxsize = rng.choice([0, 0, 1, 2])
        e(f'print("== queue maxsize={maxsize}: {nitems} items, {ncons} consumer(s)")')
        e(f"q = asyncio.Queue(maxsize={maxsize})")
        e(f"prod = asyncio.create_task(producer{k}(q), name=\"p{k}\")")
        cons = ", ".join(f'asyncio.create_task(consumer{k}(q, "c{j}"), name="c{j}")' for j in range(ncons))
        e(f"cons = [{cons}]")
        e("spawned.append(prod)")
        e("spawned.extend(cons)")
        e("totals = await asyncio.gather(prod, *cons)")
        e('print("queue totals", totals)')
        return (k, ncons, nitems)

    def define_queue_funcs(self, k, ncons, nitems):
        rng = self.rng
        e = self.e
        e(f"async def producer{k}(q):")
        e.indent()
        e(f"for i in range({nitems}):")
        e.indent()
        e(f"await asyncio.sleep({dur(rng, 10)} * (i % {rng.randint(2, 3)}))")
        e("await q.put(i * 10)")
        e(f'print("p{k} put", i * 10, "size", q.qsize())')
        e.dedent()
        e(f"for _ in range({ncons}):")
        e.indent()
        e("await q.put(None)")
        e.dedent()
        e(f"return {nitems}")
        e.dedent()
        e()
        e(f"async def consumer{k}(q, name):")
        e.indent()
        e("total = 0")
        e("while True:")
        e.indent()
        e("item = await q.get()")
        e("if item is None:")
        e.indent()
        e('print(name, "sees the end")')
        e("return total")
        e.dedent()
        e('print(name, "got", item)')
        e("total += item")
        e(f"await asyncio.sleep({dur(rng, 10)})")
        e.dedent()
        e.dedent()
        e()

    def scenario_sleep0(self):
        rng = self.rng
        e = self.e
        n = rng.randint(2, 4)
        steps = [rng.randint(1, 3) for _ in range(n)]
        e(f'print("== sleep(0) interleaving")')
        e(f"ts = [asyncio.create_task(spinner(\"s{{}}\".format(i), n)) for i, n in enumerate({steps})]")
        e("spawned.extend(ts)")
        e("await asyncio.gather(*ts)")

    # --- the whole program ----------------------------------------------------------------------

    def build(self):
        rng = self.rng
        e = self.e
        e(f"# feature: generated asyncio program gen_{self.index:04d} (generate.py seed {self.seed})")
        e("import asyncio")
        e()
        e()
        e("class JobError(Exception):")
        e.indent()
        e("pass")
        e.dedent()
        e()
        e()
        e("async def leaf(owner, d, v):")
        e.indent()
        e("await asyncio.sleep(d)")
        e('print(owner, "leaf", v)')
        e("return v")
        e.dedent()
        e()
        e()
        e("async def nested(owner, depth, d):")
        e.indent()
        e("if depth == 0:")
        e.indent()
        e("await asyncio.sleep(d)")
        e("return 1")
        e.dedent()
        e("r = await nested(owner, depth - 1, d)")
        e('print(owner, "nested depth", depth)')
        e("return r + depth")
        e.dedent()
        e()
        e()
        e("async def spinner(name, n):")
        e.indent()
        e("for i in range(n):")
        e.indent()
        e('print(name, "spin", i)')
        e("await asyncio.sleep(0)")
        e.dedent()
        e.dedent()
        e()
        e()
        e("def show(r):")
        e.indent()
        e("if isinstance(r, BaseException):")
        e.indent()
        e("return type(r).__name__ + (': ' + str(r) if str(r) else '')")
        e.dedent()
        e("return r")
        e.dedent()
        e()
        e()
        e("def outcome(t):")
        e.indent()
        e("if t.cancelled():")
        e.indent()
        e('return "cancelled"')
        e.dedent()
        e("if t.exception() is not None:")
        e.indent()
        e("return show(t.exception())")
        e.dedent()
        e("return t.result()")
        e.dedent()
        e()
        e()

        # choose scenarios first, then define the task functions they need
        kinds = ["cancel", "gather", "wait", "wait_for", "timeout_cm", "as_completed", "shield", "queue", "sleep0"]
        weights = [4, 4, 4, 3, 2, 2, 1, 3, 1]
        nscen = rng.randint(1, 4)
        scen = rng.choices(kinds, weights, k=nscen)
        plan = []
        for kind in scen:
            if kind in ("cancel", "gather", "wait", "as_completed"):
                names = [self.define_task() for _ in range(rng.randint(2, 4))]
                plan.append((kind, names))
            elif kind in ("wait_for", "timeout_cm", "shield"):
                names = [self.define_task()]
                plan.append((kind, names))
            else:
                plan.append((kind, None))
        uncaught = rng.random() < 0.15
        if uncaught:
            final = self.define_task(allow_raise=False, max_steps=2)
        queue_defs = []
        main = Emitter()
        saved, self.e = self.e, main
        main.level = 0
        main("async def main():")
        main.indent()
        main("spawned = []")
        for kind, names in plan:
            if kind == "queue":
                queue_defs.append(self.scenario_queue())
            elif kind == "sleep0":
                self.scenario_sleep0()
            else:
                getattr(self, "scenario_" + kind)(names)
        main("await asyncio.gather(*spawned, return_exceptions=True)")
        main('print("main done at", round(asyncio.get_running_loop().time(), 2))')
        if uncaught:
            main(f'print("running {final} unguarded")')
            main(f"await failing({final})")
        main.dedent()
        self.e = saved
        for q in queue_defs:
            self.define_queue_funcs(*q)
            e()
        if uncaught:
            e("async def failing(fn):")
            e.indent()
            e("r = await fn()")
            e('raise JobError(f"unguarded failure after {r}")')
            e.dedent()
            e()
            e()
        e.lines.extend(main.lines)
        e()
        e()
        e("asyncio.run(main())")
        return e.text()


def generate(out_dir, n, seed):
    os.makedirs(out_dir, exist_ok=True)
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        src = Program(rng, i, seed).build()
        with open(os.path.join(out_dir, f"gen_{i:04d}.py"), "w", encoding="utf-8") as f:
            f.write(src)


def main():
    if len(sys.argv) != 4:
        print("usage: python3 generate.py OUT_DIR N SEED", file=sys.stderr)
        sys.exit(2)
    generate(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))


if __name__ == "__main__":
    main()
