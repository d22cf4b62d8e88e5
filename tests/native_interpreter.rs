//! The interpreter on Loopscope's runtime, against CPython: every program of the differential
//! corpus (`python/tests/cases/`, the asyncio ones included) and the code page's starter runs on the virtual clock here and
//! under CPython with the harness's virtual clock, and both must print the same lines at the
//! same milliseconds, with the same traceback.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use loopscope::analysis::matching::{compare, Timing};
use loopscope::course::{self, Cpython, Ends};
use loopscope::interpreter;
use loopscope::lang::Lang;
use loopscope::runtime::{host, Clock};
use loopscope::trace::PrintedLine;

/// The corpus, and the code page's starter programs (`src/course/snippet/`).
fn cases() -> Vec<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("python/tests/cases");
    let mut paths = Vec::new();
    for dir in [
        root.clone(),
        root.join("generated"),
        manifest.join("src/course/snippet"),
    ] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            paths.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "py")),
            );
        }
    }
    paths.sort();
    paths
}

fn ours(source: &str) -> String {
    match interpreter::start(source, Clock::Virtual, Lang::En) {
        Err(e) => e.display(source, "main.py"),
        Ok((run, outcome)) => {
            host::run_until_idle();
            run.stop();
            host::run_until_idle();
            outcome.transcript()
        }
    }
}

/// Where `scripts/setup` installs the packages from PyPI the course uses.
const PYTHON_DEPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/python-deps");

/// CPython's transcripts of every case, in two batches (the harness forks per program): the
/// cases of packages from PyPI (greenlet) with `scripts/setup`'s packages on the path, the
/// others without (the path changes where CPython's objects land in memory, and so the order
/// of a set of futures, which `as_completed` iterates).
fn theirs(paths: &[PathBuf]) -> PathBuf {
    let out = std::env::temp_dir().join(format!("loopscope-cpython-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&out);
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/tests/harness/vtime.py");
    let (of_packages, standard): (Vec<&PathBuf>, Vec<&PathBuf>) = paths.iter().partition(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("lib_greenlet"))
    });
    for (batch, python_path) in [(standard, None), (of_packages, Some(PYTHON_DEPS))] {
        if batch.is_empty() {
            continue;
        }
        let mut command = Command::new("python3");
        command.arg(&harness).arg("--batch").arg(&out).args(batch);
        if let Some(path) = python_path {
            command.env("PYTHONPATH", path);
        }
        let status = command.status().expect("python3 runs");
        assert!(status.success(), "the CPython harness failed");
    }
    out
}

/// The names a list of known differences holds (`python/tests/<file>`), one per line with the
/// reason after `#`: the gaps of the interpreter, listed so the tests state them. A listed one
/// that starts agreeing must be taken off its list, so the list stays true.
fn known_list(file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("python/tests")
        .join(file);
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn every_corpus_program_prints_what_cpython_prints_at_the_same_virtual_times() {
    let paths = cases();
    assert!(
        paths.len() >= 300,
        "the corpus has {} programs",
        paths.len()
    );
    let dir = theirs(&paths);
    let only = std::env::var("CASE").ok();
    let known = known_list("known-differences.txt");
    let (mut passed, mut failed, mut known_seen, mut fixed) = (
        0,
        Vec::<String>::new(),
        Vec::<String>::new(),
        Vec::<String>::new(),
    );
    for path in &paths {
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        // Natively there is no browser storage for the files a program writes: those
        // programs are held to CPython by the interpreter crate's own corpus (its host keeps
        // the files in memory) and run on the page's private file system in the browser tests.
        if only.as_deref().is_some_and(|o| !name.contains(o)) || name.starts_with("files_") {
            continue;
        }
        let source = std::fs::read_to_string(path).expect("read case");
        let expected =
            std::fs::read_to_string(dir.join(format!("{name}.transcript"))).unwrap_or_default();
        // Deep recursion needs the stack a page has (the interpreter stops at 1000 calls).
        let got = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || ours(&source))
            .expect("thread")
            .join()
            .unwrap_or_else(|_| "<panicked>\n".to_string());
        let diff = format!("--- {name}\n=== CPython:\n{expected}=== Loopscope:\n{got}");
        match (got == expected, known.contains(&name)) {
            (true, false) => passed += 1,
            (true, true) => fixed.push(name),
            (false, true) => known_seen.push(diff),
            (false, false) => failed.push(diff),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    for f in &failed {
        eprintln!("{f}");
    }
    let summary = format!(
        "{passed} agree with CPython, {} known differences, {} new differences, {} listed but agreeing now",
        known_seen.len(),
        failed.len(),
        fixed.len()
    );
    eprintln!("{summary}");
    let report = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/differential.txt");
    let _ = std::fs::write(
        report,
        format!(
            "{summary}\n{}\n{}\n",
            failed.join("\n"),
            known_seen.join("\n")
        ),
    );
    assert!(
        failed.is_empty(),
        "{} programs differ from CPython",
        failed.len()
    );
    assert!(
        fixed.is_empty(),
        "take these off python/tests/known-differences.txt: {fixed:?}"
    );
}

/// What a listing's run printed, or why it could not run: the lines as the page shows them.
/// A listing's printed lines and the first error a task of it lost (never retrieved, or logged
/// as needing a browser), or its traceback.
fn run_listing(
    source: &str,
    lang: Lang,
    ends: Ends,
) -> Result<(Vec<PrintedLine>, Option<String>), String> {
    let (run, outcome) = interpreter::start(source, Clock::Virtual, lang)
        .map_err(|e| e.display(source, "main.py"))?;
    // A listing that serves forever is waiting once the loop is idle; one that loops on a
    // timer for ever gets a bounded stretch of wall time.
    host::run_for(std::time::Duration::from_secs(20));
    if ends == Ends::OnlyWhenStopped {
        run.stop();
        host::run_until_idle();
    }
    // What it lost: an error never retrieved, or what it logged of a part that needs a
    // browser (a server's handler on the SQL engine logs its error and answers 500).
    let lost = run
        .trace()
        .events()
        .iter()
        .find_map(|e| match &e.kind {
            loopscope::runtime::EventKind::ErrorNeverRetrieved { error } => Some(error.to_string()),
            _ => None,
        })
        .or_else(|| {
            outcome
                .transcript()
                .lines()
                .find(|line| line.contains("!stderr:") && line.contains("needs a browser"))
                .map(str::to_string)
        });
    match outcome.traceback() {
        Some(traceback) => Err(traceback),
        None => Ok((run.trace().printed(), lost)),
    }
}

/// Every Python listing of the course run unmodified on the interpreter on the virtual clock, in both
/// languages: it prints its lesson's lines at its lesson's times, under the lesson's own order
/// rule, or it is listed in `python/tests/known-listing-differences.txt` with why (and a listed
/// one that starts agreeing must come off the list). Listings of PyPI packages the interpreter
/// maps onto the page (aiohttp.web) are held to the same rule when they run natively; the ones
/// that need threads, other packages or a browser are counted apart: each must fail with a
/// message naming what is missing.
#[test]
fn every_standard_library_listing_prints_its_lessons_lines_on_the_interpreter() {
    let known = known_list("known-listing-differences.txt");
    let (mut agree, mut differ, mut fixed, mut refused) = (0, Vec::new(), Vec::new(), Vec::new());
    let mut report = Vec::new();
    for lesson in course::all() {
        for lang in Lang::ALL {
            let name = format!("{} ({})", lesson.id, lang.tag());
            let source = lesson.python(lang).to_string();
            let ends = lesson.ends;
            let outcome = std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn(move || {
                    run_listing(&source, lang, ends)
                        .map(|(lines, lost)| (common::seen(&lines), lost))
                })
                .expect("thread")
                .join()
                .unwrap_or_else(|_| Err("<panicked>".to_string()));
            let standard = matches!(lesson.cpython, Cpython::Runs | Cpython::SwapsLoop(_));
            if !standard {
                // greenlet, gevent, requests: not mapped, and said so (why, and what to use). A listing
                // of an API CPython 3.11 removed fails there too, with CPython's own error.
                // Packages the interpreter maps onto the page run: aiohttp.web's servers and
                // clients natively too (their lines are compared below, as any listing's);
                // what needs fetch, workers or the SQL engine says it needs a browser, and
                // tests/interpreter.rs runs it there.
                let said = match &outcome {
                    Err(said) => Some(said.clone()),
                    Ok((seen, lost)) => seen
                        .iter()
                        .map(|s| s.text.clone())
                        .find(|text| text.contains("needs a browser"))
                        .or_else(|| lost.clone()),
                };
                if let Some(said) = said {
                    let last = said.lines().last().unwrap_or("").to_string();
                    refused.push((
                        lesson.cpython == Cpython::Removed,
                        format!("{name}: {last}"),
                    ));
                    continue;
                }
            }
            let result = outcome.and_then(|(mut seen, _)| {
                if let Cpython::SwapsLoop(modules) = lesson.cpython {
                    // The listing's second loop is uvloop's; the page's is the setTimeout loop,
                    // which the lesson's lines name.
                    for line in &mut seen {
                        for module in modules {
                            if let Some(rest) = line.text.strip_prefix(module) {
                                line.text = format!("setTimeout{rest}");
                            }
                        }
                    }
                }
                compare(lesson.expected, lang, &seen, lesson.order, Timing::Exact).map_err(|m| {
                    format!(
                        "line {}: expected {:?}, printed {:?}",
                        m.line, m.expected, m.actual
                    )
                })
            });
            match (result, known.contains(&lesson.id.to_string())) {
                (Ok(()), false) => agree += 1,
                (Ok(()), true) => fixed.push(name),
                (Err(why), true) => report.push(format!("known: {name}: {why}")),
                (Err(why), false) => differ.push(format!("{name}: {why}")),
            }
        }
    }
    let summary = format!(
        "{agree} listing runs print their lessons' lines, {} new differences, {} known, {} listed but agreeing now; {} runs of listings that need a browser or a package the interpreter does not map refused",
        differ.len(),
        report.len(),
        fixed.len(),
        refused.len()
    );
    eprintln!("{summary}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/listings.txt");
    let _ = std::fs::write(
        out,
        format!(
            "{summary}\n\n{}\n\n{}\n\n{}\n",
            differ.join("\n"),
            report.join("\n"),
            refused
                .iter()
                .map(|(_, line)| line.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    );
    assert!(differ.is_empty(), "{summary}:\n{}", differ.join("\n"));
    assert!(
        fixed.is_empty(),
        "take these off python/tests/known-listing-differences.txt: {fixed:?}"
    );
    // Every refusal names what is missing: never a wrong result, never a panic.
    for (removed, line) in &refused {
        assert!(
            line.contains("not supported by Loopscope's Python")
                || line.contains("No module named")
                // Natively there are no Web Workers, fetch, storage or SQL engine: the
                // listings on them run in both browsers in tests/interpreter.rs.
                || line.contains("needs a browser")
                || (*removed && line.contains("Error")),
            "{line}"
        );
    }
}

/// A Python program's waits on asyncio's primitives are the runtime's own waits, recorded in
/// the Trace as a lesson's are: a Condition's wait to be notified is an `Event` wait and its
/// taking the lock back a `Lock` wait, a (Bounded)Semaphore's a `Semaphore` wait, a
/// PriorityQueue's and LifoQueue's a `Queue` wait.
#[test]
fn the_primitives_waits_of_a_program_are_runtime_waits_in_the_trace() {
    use loopscope::runtime::{EventKind, WaitOn};
    let source = "import asyncio\n\
        async def waiter(cond):\n    async with cond:\n        await cond.wait()\n\
        async def limited(sem):\n    async with sem:\n        await asyncio.sleep(0.1)\n\
        async def main():\n    cond = asyncio.Condition()\n\
        \x20   t = asyncio.create_task(waiter(cond))\n    await asyncio.sleep(0.1)\n\
        \x20   async with cond:\n        cond.notify()\n        await asyncio.sleep(0.1)\n\
        \x20   await t\n    sem = asyncio.BoundedSemaphore(1)\n\
        \x20   await asyncio.gather(limited(sem), limited(sem))\n\
        \x20   for q in (asyncio.PriorityQueue(), asyncio.LifoQueue()):\n\
        \x20       getter = asyncio.create_task(q.get())\n        await asyncio.sleep(0.1)\n\
        \x20       q.put_nowait(1)\n        print(await getter)\n\
        asyncio.run(main())\n";
    let (run, outcome) = interpreter::start(source, Clock::Virtual, Lang::En).expect("compiles");
    host::run_until_idle();
    assert_eq!(outcome.transcript(), "[500] 1\n[600] 1\n");
    let waits = |on: WaitOn| {
        run.trace()
            .events()
            .iter()
            .filter(|e| e.kind == EventKind::TaskSuspended { on: on.clone() })
            .count()
    };
    assert_eq!(waits(WaitOn::Event), 1, "the waiter, until notified");
    assert_eq!(
        waits(WaitOn::Lock),
        1,
        "the waiter, until main leaves the lock"
    );
    assert_eq!(waits(WaitOn::Semaphore), 1, "the second holder");
    assert_eq!(waits(WaitOn::Queue), 2, "each getter");
    run.stop();
    host::run_until_idle();
}

/// aiohttp's client is the runtime's fetch: natively there is none, so a request fails as an
/// `aiohttp.ClientError` the program can catch; a port of this machine nothing listens on is
/// aiohttp's `ClientConnectorError`; a misuse is a clear `TypeError`; a part of `aiohttp.web`
/// the interpreter lacks is named as not supported.
#[test]
fn aiohttp_requests_fail_natively_as_client_errors_and_what_it_lacks_is_named() {
    let source = "import asyncio\nimport aiohttp\n\n\
        async def main():\n    async with aiohttp.ClientSession() as session:\n        \
        try:\n            async with session.get('http://localhost:8080/samples/a.png') as r:\n                \
        print(r.status)\n        except aiohttp.ClientError as e:\n            \
        print(type(e).__name__, isinstance(e, aiohttp.ClientConnectionError), e)\n        \
        try:\n            session.get(42)\n        except TypeError as e:\n            print(e)\n        \
        try:\n            await session.post('http://127.0.0.1:5999/', data='x')\n        \
        except aiohttp.ClientConnectorError as e:\n            print(isinstance(e, aiohttp.ClientConnectionError), e)\n\n\
        asyncio.run(main())\nfrom aiohttp import web\nweb.json_response({})\n";
    let transcript = ours(source);
    assert!(
        transcript.contains("[0] ClientConnectionError True fetch needs a browser\n"),
        "{transcript}"
    );
    assert!(
        transcript.contains("[0] the URL must be a str, not int\n"),
        "{transcript}"
    );
    assert!(
        transcript.contains(
            "[0] True Cannot connect to host 127.0.0.1:5999 [Connect call failed ('127.0.0.1', 5999)]\n"
        ),
        "{transcript}"
    );
    assert!(
        transcript.contains(
            "NotImplementedError: aiohttp.web.json_response is not supported by Loopscope's Python"
        ),
        "{transcript}"
    );
}

/// A second `web.TCPSite` on a port the first one serves raises the `OSError` CPython with
/// aiohttp 3.14 raises, which the program catches and goes on (checked by hand against it:
/// the same two lines); the program is not ended as uvicorn ends one.
#[test]
fn an_aiohttp_site_on_a_busy_port_raises_os_error_to_the_program() {
    let source = "import asyncio\nfrom aiohttp import web\n\n\nasync def main():\n    \
        runner = web.AppRunner(web.Application())\n    await runner.setup()\n    \
        await web.TCPSite(runner, '127.0.0.1', 5000).start()\n    try:\n        \
        await web.TCPSite(runner, '127.0.0.1', 5000).start()\n    except OSError as e:\n        \
        print(type(e).__name__, e)\n    await runner.cleanup()\n    print('cleaned up')\n\n\n\
        asyncio.run(main())\n";
    assert_eq!(
        ours(source),
        "[0] OSError [Errno 98] error while attempting to bind on address ('127.0.0.1', 5000): address already in use\n[0] cleaned up\n"
    );
}

/// A generator dropped suspended is closed as CPython closes it when freed (its `finally`
/// runs, before the next line); what a stopped program leaves suspended is never closed by
/// the next program.
#[test]
fn a_dropped_generator_is_closed_by_its_own_program_only() {
    let first = "import asyncio\n\ndef gen():\n    try:\n        yield 1\n    finally:\n        print('first program cleanup')\n\n\
        async def main():\n    kept = gen()\n    next(kept)\n    await asyncio.sleep(10)\n\nasyncio.run(main())\n";
    let (run, outcome) = interpreter::start(first, Clock::Virtual, Lang::En).expect("compiles");
    host::run_for(std::time::Duration::from_millis(50));
    run.stop();
    host::run_until_idle();
    drop((run, outcome));
    let second =
        "def gen():\n    try:\n        yield 1\n    finally:\n        print('cleanup')\n\n\
        for x in gen():\n    break\nprint('after')\n";
    assert_eq!(ours(second), "[0] cleanup\n[0] after\n");
}

/// gevent's greenlets are tasks on the runtime: a program of spawns, sleeps, a greenlet that
/// raises, `joinall` (with and without a timeout), `get` and `join` prints the lines CPython
/// with gevent prints, in the same order (gevent's hub does not run on the CPython harness's
/// virtual clock, so CPython runs it on the real clock, its sleeps a tenth of a second or
/// so), at the times its sleeps give on the virtual clock here. What cannot wait here (a
/// switch in a function a greenlet's function called, `gevent.monkey`) is said.
#[test]
fn gevent_greenlets_print_what_cpython_with_gevent_prints() {
    let source = "import gevent\n\n\
        def work(n, d):\n    print('start', n)\n    gevent.sleep(d)\n    print('end', n)\n    return n * 10\n\n\
        def bad():\n    gevent.sleep(0.05)\n    raise ValueError('no')\n\n\
        gs = [gevent.spawn(work, i, 0.2 - i * 0.05) for i in range(3)]\n\
        b = gevent.spawn(bad)\n\
        print(bool(gs[0]), gs[0].dead)\n\
        done = gevent.joinall(gs + [b])\n\
        print(len(done), [g.value for g in gs], [g.dead for g in gs], bool(gs[0]))\n\
        print(b.successful(), type(b.exception).__name__, b.value)\n\
        gevent.sleep(0.1)\n\
        print('slept')\n\
        g = gevent.spawn(work, 9, 0.1)\n\
        print(g.get())\n\
        g2 = gevent.spawn(work, 8, 0.3)\n\
        print(len(gevent.joinall([g2], timeout=0.05)))\n\
        g2.join()\n\
        print(g2.value)\n";
    let (run, outcome) = interpreter::start(source, Clock::Virtual, Lang::En).expect("compiles");
    host::run_until_idle();
    run.stop();
    let ours: Vec<(u64, String)> = outcome
        .transcript()
        .lines()
        .filter(|line| !line.contains("!stderr:"))
        .filter_map(|line| {
            let (at, text) = line.strip_prefix('[')?.split_once("] ")?;
            Some((at.parse().ok()?, text.to_string()))
        })
        .collect();
    let file = std::env::temp_dir().join(format!("loopscope-gevent-{}.py", std::process::id()));
    std::fs::write(&file, source).expect("the program is written");
    let theirs = Command::new("python3")
        .arg(&file)
        .env("PYTHONPATH", PYTHON_DEPS)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_file(&file);
    let theirs = String::from_utf8_lossy(&theirs.stdout);
    let texts: Vec<&str> = ours.iter().map(|(_, text)| text.as_str()).collect();
    assert_eq!(texts, theirs.lines().collect::<Vec<_>>());
    let times: Vec<u64> = ours.iter().map(|(at, _)| *at).collect();
    assert_eq!(
        times,
        [0, 0, 0, 0, 100, 150, 200, 200, 200, 300, 300, 400, 400, 400, 450, 700, 700]
    );

    for (source, said) in [
        (
            "from greenlet import greenlet, getcurrent\nmain = getcurrent()\n\
             def inner():\n    main.switch()\n\
             def outer():\n    inner()\n\
             greenlet(outer).switch()\n",
            "greenlet.switch() in a function called by a greenlet's function",
        ),
        (
            "from gevent import monkey\nmonkey.patch_all()\n",
            "gevent.monkey (it makes the standard library's blocking calls switch greenlets",
        ),
    ] {
        let (run, outcome) =
            interpreter::start(source, Clock::Virtual, Lang::En).expect("compiles");
        host::run_until_idle();
        run.stop();
        let traceback = outcome.traceback().unwrap_or_default();
        assert!(
            traceback.contains("NotImplementedError") && traceback.contains(said),
            "{traceback}"
        );
    }
}

/// A program that names `open` (anywhere in it) needs the page's private files read before it
/// starts; one that does not, or does not compile, does not.
#[test]
fn a_program_needs_the_private_files_only_when_it_names_open() {
    let files = |source: &str| interpreter::load::needs(source).files;
    assert!(files("print(open('notes.txt').read())\n"));
    assert!(files(
        "def f():\n    with open('a', 'w') as out:\n        out.write('x')\n"
    ));
    assert!(!files("import asyncio\nasyncio.run(asyncio.sleep(0))\n"));
    assert!(!files("def broken(:\n    open('x')\n"));
}

/// The page fetches the libraries' bindings with the interpreter only for a program that
/// imports one of their modules, anywhere in it; the course's listings on asyncio alone need
/// none, and each listing of a library needs them.
#[test]
fn a_program_needs_the_libraries_only_when_it_imports_one_of_their_modules() {
    let needed = |source: &str| interpreter::load::needs(source).libraries;
    assert!(!needed(
        "import asyncio, time, random\nfrom concurrent.futures import ThreadPoolExecutor\n"
    ));
    assert!(needed(
        "import asyncio\n\nclass A:\n    async def f(self):\n        import aiohttp\n"
    ));
    assert!(needed("from starlette.responses import JSONResponse\n"));
    assert!(needed("from gevent import monkey\n"));
    assert!(needed("import os\nos.remove('x')\n"));
    assert!(
        !needed("def broken(:\n    import aiohttp\n"),
        "a program that does not compile"
    );
    let (mut with, mut without) = (0, 0);
    for lesson in course::all() {
        let source = lesson.python(Lang::En);
        match lesson.cpython {
            Cpython::Runs if !source.contains("import threading") => {
                assert!(!needed(source), "{} needs only asyncio", lesson.id);
                without += 1;
            }
            Cpython::Needs(packages) if packages != ["uvloop"] => {
                assert!(needed(source), "{} imports a library", lesson.id);
                with += 1;
            }
            Cpython::FetchesFromApp(_)
            | Cpython::Redis(_)
            | Cpython::Mails(_)
            | Cpython::Mysql(..)
            | Cpython::Serves(_)
            | Cpython::ServesFromMysql(..) => {
                assert!(needed(source), "{} imports a library", lesson.id);
                with += 1;
            }
            _ => {}
        }
    }
    eprintln!("{without} listings on the standard library need no libraries, {with} do");
    assert!(without > 40 && with > 20, "{without} {with}");
}

/// Stop in the middle of a greenlet program (the module body waiting for a switch back, a
/// greenlet parked) and of a gevent one (the module body in `joinall`, greenlets sleeping on
/// the loop's timers) ends the run at once, with nothing left alive; the same program run again
/// prints from the start.
#[test]
fn stop_in_the_middle_of_greenlets_leaves_nothing_alive() {
    let greenlets = "from greenlet import greenlet, getcurrent\nimport time\nmain = getcurrent()\n\
        def f():\n    print('f starts')\n    main.switch()\n    print('never')\n\
        def g():\n    print('g starts')\n    time.sleep(0)\n    g2.switch()\n\
        g1 = greenlet(f)\ng1.switch()\ng2 = greenlet(g)\n\
        import gevent\nw = gevent.spawn(gevent.sleep, 30)\ngevent.joinall([w])\nprint('never either')\n";
    let spawned = "import gevent\n\ndef slow(n):\n    print('slow', n)\n    gevent.sleep(30)\n\n\
        gevent.joinall([gevent.spawn(slow, n) for n in range(3)])\nprint('never')\n";
    for source in [greenlets, spawned] {
        for _ in 0..2 {
            let (run, outcome) =
                interpreter::start(source, Clock::Real { scale: 1.0 }, Lang::En).expect("compiles");
            host::run_for(std::time::Duration::from_millis(100));
            assert_eq!(
                run.status(),
                loopscope::runtime::RunStatus::Running,
                "{source}"
            );
            assert!(run.stop());
            host::run_until_idle();
            assert_eq!(common::live_counters(&run), [0; 8], "{source}");
            let transcript = outcome.transcript();
            assert!(!transcript.contains("never"), "{transcript}");
            assert!(
                transcript.starts_with("[0] f starts\n") || transcript.starts_with("[0] slow 0\n"),
                "{transcript}"
            );
        }
    }
}
