//! The interpreter in the browser: what a page's stack and clock mean for it.
#![cfg(target_arch = "wasm32")]

mod common;

use loopscope::course::{self, Settings};
use loopscope::interpreter;
use loopscope::lang::Lang;
use loopscope::runtime::{Clock, RunStatus};
use loopscope::trace::{EventKind, IoKind};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs `source` until it ends (at most `limit_ms` of wall time); returns how it ended and
/// its run.
async fn run_until_ended(
    source: &str,
    clock: Clock,
    lang: Lang,
    limit_ms: u32,
) -> (loopscope::runtime::Run, std::rc::Rc<interpreter::Outcome>) {
    let (run, outcome) = interpreter::start(source, clock, lang).expect("compiles");
    for _ in 0..limit_ms / 10 {
        if run.status() != RunStatus::Running {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    (run, outcome)
}

/// Runs a lesson's Python listing until it ends, and asserts it ended well.
async fn run_listing(lesson: &course::Lesson, lang: Lang, clock: Clock) -> loopscope::runtime::Run {
    let (run, outcome) = run_until_ended(lesson.python(lang), clock, lang, 20_000).await;
    assert_eq!(
        run.status(),
        RunStatus::Finished(Ok(())),
        "{}: {:?}",
        lesson.id,
        outcome.traceback()
    );
    run
}

/// When the program's `main` first ran, in ms since the run began: where a listing that times
/// itself (`start = time.perf_counter()` in `main`) starts counting, as its printed "after about
/// 1 s" does. Before it the page compiled the program and ran its module body, imports and all
/// (14-80 ms in the tests' debug build on this project's CI machine).
fn main_began_ms(run: &loopscope::runtime::Run) -> u64 {
    let trace = run.trace();
    let events = trace.events();
    let main = events.iter().find_map(|e| match &e.kind {
        EventKind::TaskSpawned { name, .. } if &**name == "Task-1" => e.task,
        _ => None,
    });
    events
        .iter()
        .find(|e| e.task == main && matches!(e.kind, EventKind::TaskPolled))
        .map_or(0, |e| e.at_ms())
}

/// How many pieces of outside work of `kind` the run started.
fn io_started(run: &loopscope::runtime::Run, kind: IoKind) -> usize {
    run.trace()
        .events()
        .iter()
        .filter(|e| matches!(&e.kind, EventKind::IoStarted { kind: k, .. } if *k == kind))
        .count()
}

/// Runs `source` on the real clock (at most 5 s), and asserts it ended well.
async fn run_on_the_real_clock(source: &str) -> loopscope::runtime::Run {
    let (run, outcome) = run_until_ended(source, Clock::Real { scale: 1.0 }, Lang::En, 5000).await;
    assert_eq!(
        run.status(),
        RunStatus::Finished(Ok(())),
        "{:?}",
        outcome.traceback()
    );
    run
}

async fn run_to_end(source: &str) -> String {
    let (run, outcome) = run_until_ended(source, Clock::Virtual, Lang::En, 5000).await;
    assert_ne!(run.status(), RunStatus::Running, "the program ended");
    outcome.transcript()
}

#[wasm_bindgen_test]
async fn deep_recursion_raises_recursion_error_within_the_pages_stack() {
    let text = run_to_end(
        "import asyncio\n\ndef down(n):\n    return down(n + 1)\n\nasync def main():\n    try:\n        down(0)\n    except RecursionError as e:\n        print('caught', type(e).__name__, e)\n\nasyncio.run(main())\n",
    )
    .await;
    assert_eq!(
        text,
        "[0] caught RecursionError maximum recursion depth exceeded\n"
    );
}

#[wasm_bindgen_test]
async fn markup_in_printed_text_and_errors_stays_text() {
    let text =
        run_to_end("print('<b>bold</b> & <script>x</script>')\nraise ValueError('<i>no</i>')\n")
            .await;
    assert!(
        text.starts_with("[0] <b>bold</b> & <script>x</script>\n"),
        "{text}"
    );
    assert!(text.ends_with("ValueError: <i>no</i>\n"), "{text}");
}

/// The course's four listings of blocking functions on pools in coroutines (`run_in_executor`
/// with the default pool, a thread pool and a process pool; `pool.submit` and
/// `asyncio.wrap_future`; ten jobs on five threads while a ticker task runs) run unmodified on the interpreter, in both languages: each function's job runs on a real
/// Web Worker, and the listing prints its lesson's lines at its lesson's times, on the real
/// clock within the tolerance of the Rust lessons' own worker tests (`tests/io.rs`: 300 ms,
/// for a worker's start and the message hops on a loaded 2-core machine).
#[wasm_bindgen_test]
async fn the_courses_executor_listings_run_their_functions_on_web_workers() {
    // Each listing, and the job its functions make on the workers: how many, under what name.
    for (id, function, expected_jobs) in [
        ("default-executor", "func1()", 1),
        ("executor-kinds", "func1()", 3),
        ("wrap-future", "func1()", 1),
        ("run-in-executor", "download_img()", 10),
    ] {
        let lesson = course::find(id).expect("the lesson exists");
        for lang in Lang::ALL {
            let source = lesson.python(lang);
            common::dom::warm_workers(lesson, &Settings::defaults(lesson)).await;
            let (run, outcome) =
                run_until_ended(source, Clock::Real { scale: 1.0 }, lang, 10_000).await;
            assert_eq!(
                run.status(),
                RunStatus::Finished(Ok(())),
                "{id}: {:?}",
                outcome.traceback()
            );
            common::assert_printed(lesson, lesson.expected, lang, &run.trace().printed(), 300);
            let jobs = run
                .trace()
                .events()
                .iter()
                .filter(|e| {
                    matches!(&e.kind, EventKind::IoStarted { kind: IoKind::Worker, label, .. } if &**label == function)
                })
                .count();
            assert_eq!(
                jobs, expected_jobs,
                "{id}: {function} ran as a worker's job"
            );
        }
    }
}

#[wasm_bindgen(inline_js = "
export async function opfs_copy_of(name, url) {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle('loopscope');
  const file = await (await dir.getFileHandle(name)).getFile();
  const kept = new Uint8Array(await file.arrayBuffer());
  const served = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const same = kept.length === served.length && kept.every((b, i) => b === served[i]);
  return `${kept.length} ${served.length} ${same}`;
}")]
extern "C" {
    fn opfs_copy_of(name: &str, url: &str) -> js_sys::Promise;
}

/// The course's downloader runs unmodified in both languages: `run_in_executor(None,
/// requests.get, url)` is each pool job's blocking GET on a Web Worker (a synchronous
/// `XMLHttpRequest`), the lesson's lines come at its times on the real clock (within the
/// executor listings' 300 ms), and `open(file_name, mode='wb')` with `write(response.content)`
/// leaves each image, byte for byte, in the page's private file system.
#[wasm_bindgen_test]
async fn the_downloaders_listing_gets_on_workers_and_writes_the_pages_private_files() {
    interpreter::http_client::serve_app_server_from(common::FIXTURES);
    let lesson = course::find("executor-downloads").expect("the lesson exists");
    for lang in Lang::ALL {
        common::dom::warm_workers(lesson, &Settings::defaults(lesson)).await;
        let run = run_listing(lesson, lang, Clock::Real { scale: 1.0 }).await;
        common::assert_printed(lesson, lesson.expected, lang, &run.trace().printed(), 300);
        let gets = run
            .trace()
            .events()
            .iter()
            .filter(|e| {
                matches!(&e.kind, EventKind::IoStarted { kind: IoKind::Worker, label, .. } if &**label == "get()")
            })
            .count();
        assert_eq!(gets, 3, "a worker's GET per image");
        // Each file: made (emptied) by open(), then its one write.
        assert_eq!(io_started(&run, IoKind::Storage), 6);
        common::dom::wait_until("the writes", 10_000, || {
            run.live_io(loopscope::trace::IoKind::Storage) == 0
        })
        .await;
        for name in ["harbour.png", "lantern.png", "mountain.png"] {
            let url = format!("{}samples/{name}", common::FIXTURES);
            let compared = wasm_bindgen_futures::JsFuture::from(opfs_copy_of(name, &url))
                .await
                .expect("the file is in the private file system")
                .as_string()
                .unwrap_or_default();
            let parts: Vec<&str> = compared.split(' ').collect();
            assert_eq!(parts[2], "true", "{name}: {compared}");
            assert!(
                parts[0].parse::<u32>().unwrap_or(0) > 1000,
                "{name}: {compared}"
            );
        }
    }
    interpreter::http_client::serve_app_server_from("");
}

/// What `requests` cannot do here is said, and what fails fails as in requests: a GET of an
/// address nobody answers raises `requests.exceptions.ConnectionError` (an `OSError`) from the
/// awaited future; reading the response inside the pool's function, and a GET on the loop's
/// own thread, are refused with a message naming why.
#[wasm_bindgen_test]
async fn requests_failures_and_what_it_cannot_do_here_are_said() {
    let source = "import asyncio\nimport requests\n\ndef size(url):\n    return len(requests.get(url).content)\n\nasync def main():\n    loop = asyncio.get_running_loop()\n    try:\n        await loop.run_in_executor(None, requests.get, 'http://127.0.0.1:9/x.png')\n    except requests.exceptions.ConnectionError as e:\n        print('ConnectionError', isinstance(e, OSError))\n    try:\n        await loop.run_in_executor(None, size, 'samples/harbour.png')\n    except NotImplementedError as e:\n        print('inside:', 'await the future' in str(e))\n    try:\n        requests.get('samples/harbour.png')\n    except NotImplementedError as e:\n        print('loop:', 'run_in_executor' in str(e))\n\nasyncio.run(main())\n";
    let run = run_on_the_real_clock(source).await;
    let texts: Vec<String> = run
        .trace()
        .printed()
        .iter()
        .map(|l| l.text.to_string())
        .collect();
    assert_eq!(
        texts,
        ["ConnectionError True", "inside: True", "loop: True"],
        "{texts:?}"
    );
}

/// `asyncio.to_thread(func, *args, **kwargs)` is a coroutine that, awaited, hands the call to
/// the default pool, as CPython's: two of them gathered run at once on Web Workers (each
/// sleeps 0.5 s, both have ended at about 0.5 s), with their keyword arguments.
#[wasm_bindgen_test]
async fn to_thread_runs_its_function_on_a_worker_when_awaited() {
    let source = "import asyncio\nimport time\n\ndef work(n, unit=1):\n    print('work', n)\n    time.sleep(0.5)\n    return n * unit\n\nasync def main():\n    later = asyncio.to_thread(work, 3)\n    print(type(later).__name__)\n    print(await asyncio.gather(asyncio.to_thread(work, 1), asyncio.to_thread(work, 2, unit=10)))\n    print(await later)\n\nasyncio.run(main())\n";
    let run = run_on_the_real_clock(source).await;
    let printed = run.trace().printed();
    let mut texts: Vec<&str> = printed.iter().map(|l| &*l.text).collect();
    // The two gathered calls print from two workers at once: in either order, as two threads'
    // prints in CPython.
    if texts.len() > 2 {
        texts[1..3].sort_unstable();
    }
    assert_eq!(
        texts,
        ["coroutine", "work 1", "work 2", "[1, 20]", "work 3", "3"],
        "{texts:?}"
    );
    // Times from when `main` began, past the compile and the imports.
    let began = main_began_ms(&run);
    let at = |i: usize| printed[i].at_ms().saturating_sub(began);
    assert!(at(1) < 300 && at(2) < 300, "{printed:?}");
    assert!((500..800).contains(&at(3)), "gathered at {} ms", at(3));
    // The third call's work began when it was awaited, after the two.
    assert!(
        at(4) >= at(3) && (1000..1300).contains(&at(5)),
        "{printed:?}"
    );
}

/// `open()` reads what the page's private file system holds, as a later Python program reads
/// what an earlier one wrote: the page keeps the files before it starts a program that opens
/// files (`load_for`), and keeps them as writes end, so a file aiofile wrote a moment ago reads
/// back, a file an earlier run wrote is there, and appending to it goes on from what it held.
#[wasm_bindgen_test]
async fn open_reads_the_files_earlier_runs_and_aiofile_wrote() {
    let first = "import asyncio\nfrom aiofile import async_open\n\nasync def main():\n    async with async_open('aio.txt', 'w') as afp:\n        await afp.write('from aiofile\\n')\n    with open('aio.txt') as f:\n        print(f.read().strip())\n    with open('kept.txt', 'w') as f:\n        f.write('first\\n')\n\nasyncio.run(main())\n";
    let second = "with open('kept.txt', 'a') as f:\n    f.write('second\\n')\nprint(open('kept.txt').read().split())\nprint(open('aio.txt').read().strip())\ntry:\n    open('nowhere.txt')\nexcept FileNotFoundError as e:\n    print(e)\n";
    let mut printed = Vec::new();
    for source in [first, second] {
        let started = interpreter::load::load_for(source)
            .await
            .expect("no download here");
        assert!(
            interpreter::load::loaded_for(source).is_some(),
            "the files are kept"
        );
        let (run, outcome) = (started.start)(source, Clock::Virtual, Lang::En).expect("compiles");
        common::dom::wait_until("the run's end", 10_000, || {
            run.status() != RunStatus::Running
        })
        .await;
        assert_eq!(
            run.status(),
            RunStatus::Finished(Ok(())),
            "{:?}",
            outcome.traceback()
        );
        printed.extend(run.trace().printed().iter().map(|l| l.text.to_string()));
    }
    assert_eq!(
        printed,
        [
            "from aiofile",
            "['first', 'second']",
            "from aiofile",
            "[Errno 2] No such file or directory: 'nowhere.txt'"
        ],
        "{printed:?}"
    );
}

/// The course's greenlet and gevent listings run unmodified, in both languages: each greenlet
/// is a task named as the lessons name them (after its function; gevent's `Greenlet-0`), a
/// switch parks one task and resumes the other, `gevent.sleep` is the runtime's sleep, and
/// each listing prints its lesson's lines at its lesson's times on the virtual clock.
#[wasm_bindgen_test]
async fn the_courses_greenlet_and_gevent_listings_switch_tasks_on_the_loop() {
    for id in ["greenlet-switch", "gevent-spawn"] {
        let lesson = course::find(id).expect("the lesson exists");
        for lang in Lang::ALL {
            let run = run_listing(lesson, lang, Clock::Virtual).await;
            common::assert_printed(lesson, lesson.expected, lang, &run.trace().printed(), 0);
        }
    }
}

/// A function handed to the default pool prints from its worker while it runs, and two such
/// functions run at once: each sleeps 0.5 s, and both have ended at about 0.5 s, not 1 s.
/// Their arguments and return values come through (`[10, 20]`).
#[wasm_bindgen_test]
async fn a_pools_functions_print_from_their_workers_and_run_in_parallel() {
    let source = "import asyncio\nimport time\n\ndef work(n):\n    print('work', n, 'starts')\n    time.sleep(0.5)\n    print('work', n, 'ends')\n    return n * 10\n\nasync def main():\n    loop = asyncio.get_running_loop()\n    jobs = [loop.run_in_executor(None, work, n) for n in (1, 2)]\n    print(await asyncio.gather(*jobs))\n\nasyncio.run(main())\n";
    let run = run_on_the_real_clock(source).await;
    let printed = run.trace().printed();
    let at = |text: &str| {
        printed
            .iter()
            .find(|l| &*l.text == text)
            .map(|l| l.at_ms())
            .unwrap_or_else(|| panic!("{text:?} printed: {printed:?}"))
    };
    assert!(at("work 1 starts") < 300 && at("work 2 starts") < 300);
    for end in ["work 1 ends", "work 2 ends", "[10, 20]"] {
        assert!((500..800).contains(&at(end)), "{end} at {} ms", at(end));
    }
    assert_eq!(printed.last().map(|l| &*l.text), Some("[10, 20]"));
    assert_eq!(printed.len(), 5);
}

/// The course's aiohttp and httpx listings run unmodified on the browser's `fetch`: their
/// `http://localhost:8080/` (the app itself) is served here by the fixture server, which has
/// the app's samples. The pages come back in the order asked, the downloads keep their
/// lesson's times on the virtual clock, and the missing file is the 404 aiohttp reports.
#[wasm_bindgen_test]
async fn the_courses_aiohttp_listings_fetch_over_real_http() {
    interpreter::http_client::serve_app_server_from(common::FIXTURES);
    for id in ["gather-pages", "downloads", "aiohttp-httpx"] {
        let lesson = course::find(id).expect("the lesson exists");
        for lang in Lang::ALL {
            let run = run_listing(lesson, lang, Clock::Virtual).await;
            // Within 1 ms: the lesson's Rust program paces the reads in whole milliseconds
            // (mountain.png ends at 1579 ms), the listing in float seconds (1580 ms, as CPython).
            common::assert_printed(lesson, lesson.expected, lang, &run.trace().printed(), 1);
            let fetches = io_started(&run, IoKind::Fetch);
            let asked = match id {
                "downloads" => 8,
                "aiohttp-httpx" => 2,
                _ => 3,
            };
            assert_eq!(fetches, asked, "{id}: every request is the runtime's fetch");
        }
    }
    interpreter::http_client::serve_app_server_from("");
}

/// The course's storage listings run unmodified on the browser's storage: aiofile's files
/// (`AIOFile`, `async_open`, `Writer`, `Reader`, `LineReader`) and `os.remove` on the private
/// file system, redis-py's asyncio client on IndexedDB. Each prints its lesson's lines at its
/// lesson's times, and every call is the runtime's storage I/O.
#[wasm_bindgen_test]
async fn the_courses_storage_listings_run_on_opfs_and_indexeddb() {
    for id in [
        "aiofile-lines",
        "aiofile-reader",
        "opfs-files",
        "indexeddb-kv",
        "redis-client-pool",
        "redis-hashes",
        "redis-two-servers",
    ] {
        let lesson = course::find(id).expect("the lesson exists");
        for lang in Lang::ALL {
            let run = run_listing(lesson, lang, Clock::Virtual).await;
            let printed = run.trace().printed();
            if id == "redis-client-pool" {
                // Its second asyncio.run's main task is Task-4, as in CPython (each run makes
                // two more tasks as it closes); the lesson's Rust program runs both in Task-1.
                let texts: Vec<&str> = printed.iter().map(|l| &*l.text).collect();
                let expected: Vec<&str> =
                    lesson.expected.iter().map(|e| lang.pick(e.words)).collect();
                assert_eq!(texts, expected, "{id}");
                assert!(printed.iter().all(|l| l.at_ms() == 0), "{id}");
            } else {
                common::assert_printed(lesson, lesson.expected, lang, &printed, 0);
            }
            let storage_calls = io_started(&run, IoKind::Storage);
            assert!(storage_calls >= 2, "{id}: {storage_calls} storage calls");
        }
    }
}

/// The course's aiomysql listings run unmodified on the page's SQL servers (a real SQL engine
/// in a Web Worker): each prints its lesson's rows at its lesson's times, and every statement
/// is a message to the server and back.
#[wasm_bindgen_test]
async fn the_courses_aiomysql_listings_query_the_pages_sql_servers() {
    common::use_fixture_engine();
    for id in ["mysql-query", "mysql-pool", "mysql-two-servers"] {
        let lesson = course::find(id).expect("the lesson exists");
        for lang in Lang::ALL {
            let run = run_listing(lesson, lang, Clock::Virtual).await;
            common::assert_printed(lesson, lesson.expected, lang, &run.trace().printed(), 0);
            let calls = io_started(&run, IoKind::Sql);
            assert!(calls >= 2, "{id}: {calls} calls to the SQL server");
        }
    }
}

/// The course's web listings run unmodified on the page's servers: aiohttp.web's applications,
/// bare ASGI applications and Starlette's, served by `TCPSite` or uvicorn, their routers,
/// 404s and 405s, static files and lifespans being the runtime's (the Rust lessons' own);
/// each handler is the program's function, coroutine or endpoint class stepped in its
/// request's task (one reads `index.html` with `open()`, one queries the page's SQL server,
/// one streams an async generator, one runs a background task, one talks over a WebSocket);
/// the listing's client (aiohttp, httpx or websockets) asks the server it started. Each prints
/// its lesson's lines at its lesson's times and serves on until Stop (or until it ends its
/// server).
#[wasm_bindgen_test]
async fn the_courses_web_listings_serve_on_the_pages_servers() {
    common::use_fixture_engine();
    // Each listing, and how many requests its client sends.
    for (id, asked) in [
        ("aiohttp-routes", 4),
        ("aiohttp-static-page", 2),
        ("aiohttp-db-query", 1),
        ("asgi-app", 1),
        ("asgi-class", 3),
        ("starlette-hello", 1),
        ("starlette-routes", 4),
        ("starlette-endpoint", 4),
        ("starlette-file", 1),
        ("starlette-streaming", 1),
        ("starlette-background", 1),
        ("starlette-app", 5),
        ("fastapi-hello", 4),
        ("fastapi-red", 6),
    ] {
        let lesson = course::find(id).expect("the lesson exists");
        for lang in Lang::ALL {
            let (run, outcome) =
                interpreter::start(lesson.python(lang), Clock::Virtual, lang).expect("compiles");
            // Until it has printed its lines (a server's lines come as its client's requests
            // are answered), then a little more: nothing else may come.
            for _ in 0..300 {
                if run.trace().printed().len() >= lesson.expected.len()
                    || run.status() != RunStatus::Running
                {
                    break;
                }
                gloo_timers::future::TimeoutFuture::new(10).await;
            }
            gloo_timers::future::TimeoutFuture::new(100).await;
            // Stopped before anything is asserted, so a failing listing does not leave its
            // server on the page's port for the next one.
            let ended = run.status();
            run.stop();
            // A server serves until Stop, unless its listing ends it (`should_exit`).
            let status = match lesson.ends {
                course::Ends::OnlyWhenStopped => RunStatus::Running,
                _ => RunStatus::Finished(Ok(())),
            };
            assert_eq!(
                ended,
                status,
                "{id}: {:?} {}",
                outcome.traceback(),
                outcome.transcript()
            );
            let transcript = outcome.transcript();
            assert!(!transcript.contains("!stderr"), "{id}: {transcript}");
            common::assert_printed(lesson, lesson.expected, lang, &run.trace().printed(), 0);
            let requests = io_started(&run, IoKind::Http);
            assert!(
                requests >= asked,
                "{id}: {requests} requests to the page's server"
            );
            if id == "aiohttp-db-query" {
                let calls = io_started(&run, IoKind::Sql);
                assert!(calls >= 2, "{id}: {calls} calls to the SQL server");
            }
        }
    }
}

/// The WSGI listing runs unmodified: wsgiref's server started by `threading.Thread(target=
/// server.serve_forever)` is the runtime's WSGI server, whose one worker answers the three
/// requests in turn, each after the application's `time.sleep(1)` (its job on the worker): at
/// about 1, 2 and 3 s after `main` began, as the listing's own clock says, on the real clock
/// within the worker tests' 300 ms. A thread of a plain function is a worker's job too: its
/// prints come from the worker as it runs, and `join()` in the module body waits for it.
#[wasm_bindgen_test]
async fn threads_and_the_wsgi_listing_run_on_web_workers() {
    let lesson = course::find("wsgi-app").expect("the lesson exists");
    for lang in Lang::ALL {
        common::dom::warm_workers(lesson, &Settings::defaults(lesson)).await;
        let (run, outcome) =
            interpreter::start(lesson.python(lang), Clock::Real { scale: 1.0 }, lang)
                .expect("compiles");
        for _ in 0..600 {
            if run.trace().printed().len() >= lesson.expected.len() {
                break;
            }
            gloo_timers::future::TimeoutFuture::new(10).await;
        }
        // Stopped before anything is asserted: a failing run would keep port 5000.
        let ended = run.status();
        run.stop();
        assert_eq!(ended, RunStatus::Running, "{:?}", outcome.transcript());
        let began = main_began_ms(&run);
        // Where the time went, on the console a failing test shows.
        for e in run.trace().events().iter() {
            if let EventKind::IoStarted { .. } | EventKind::IoEnded { .. } = &e.kind {
                web_sys::console::log_1(&format!("{lang:?} {} ms: {:?}", e.at_ms(), e.kind).into());
            }
        }
        let expected: Vec<course::Expected> = lesson
            .expected
            .iter()
            .map(|e| course::Expected {
                at_ms: e.at_ms + began,
                ..*e
            })
            .collect();
        common::assert_printed(lesson, &expected, lang, &run.trace().printed(), 300);
    }
    let source = "import threading\nimport time\n\ndef work(n):\n    print('working', n)\n    time.sleep(0.5)\n    print('done', n)\n\nthreads = [threading.Thread(target=work, args=(i,)) for i in range(2)]\nfor t in threads:\n    t.start()\nprint('started', threads[0].name, threads[1].is_alive())\nfor t in threads:\n    t.join()\nprint('joined', threads[0].is_alive())\n";
    let (run, outcome) =
        run_until_ended(source, Clock::Real { scale: 1.0 }, Lang::En, 10_000).await;
    assert_eq!(
        run.status(),
        RunStatus::Finished(Ok(())),
        "{:?}",
        outcome.traceback()
    );
    let printed = run.trace().printed();
    let texts: Vec<&str> = printed.iter().map(|l| &*l.text).collect();
    assert_eq!(texts.first(), Some(&"started Thread-1 True"), "{texts:?}");
    assert_eq!(texts.last(), Some(&"joined False"), "{texts:?}");
    for n in 0..2 {
        assert!(
            texts.contains(&format!("working {n}").as_str()),
            "{texts:?}"
        );
        assert!(texts.contains(&format!("done {n}").as_str()), "{texts:?}");
    }
    // The two threads sleep at once: both done by about 0.5 s, not 1 s.
    let joined = printed.last().map_or(0, |l| l.at_ms());
    assert!((400..=900).contains(&joined), "joined at {joined} ms");
}

/// The course's mail listings run unmodified on the page's message channels: aiosmtpd's
/// `SMTP(handler)` given to `loop.create_server` is the runtime's SMTP server with the
/// program's `handle_RCPT` / `handle_DATA`, aiosmtplib's `send` and `SMTP` client are the
/// runtime's, and `email.message.EmailMessage` is the message the runtime sends. Each prints
/// its lesson's lines at its lesson's times, every mail delivered being a row of the I/O panel.
#[wasm_bindgen_test]
async fn the_courses_smtp_listings_mail_over_the_pages_message_channels() {
    for (id, delivered) in [("smtp-send", 1), ("smtp-concurrent", 6)] {
        let lesson = course::find(id).expect("the lesson exists");
        for lang in Lang::ALL {
            let run = run_listing(lesson, lang, Clock::Virtual).await;
            common::assert_printed(lesson, lesson.expected, lang, &run.trace().printed(), 0);
            assert_eq!(
                io_started(&run, IoKind::Mail),
                delivered,
                "{id}: mails delivered"
            );
        }
    }
}

/// The swap-loop listing runs unmodified: `asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())`
/// moves the program's next `asyncio.run` onto the page's second loop (a `setTimeout(0)` per ready
/// callback, where a page has no uvloop), which the Trace records as the lesson's own swap is;
/// the same 200 tasks give the same sum on both loops (how long each took is the machine's: the
/// benchmark measures the loops, not this test).
#[wasm_bindgen_test]
async fn the_swap_loop_listing_runs_its_second_asyncio_run_on_the_set_timeout_loop() {
    use loopscope::trace::LoopKind;
    let lesson = course::find("swap-loop").expect("the lesson");
    for lang in Lang::ALL {
        let run = run_listing(lesson, lang, Clock::Real { scale: 1.0 }).await;
        assert_eq!(
            common::loops_chosen(&run.trace()),
            [LoopKind::SetTimeout],
            "{lang:?}"
        );
        let lines: Vec<String> = run
            .trace()
            .printed_since(0)
            .map(|line| line.text.to_string())
            .collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        for (line, name) in lines.iter().zip(["asyncio", "uvloop"]) {
            assert!(
                line.starts_with(name) && line.contains("19900"),
                "{lines:?}"
            );
        }
    }
}

/// The course's two `concurrent.futures` listings without asyncio run unmodified: a thread pool
/// made by the module body, `pool.submit` ×10 (five futures running, five pending, their
/// addresses as the lesson shows them), the jobs on real Web Workers printing from them a
/// second and two seconds later; and `add_done_callback`, whose callbacks run on the loop when
/// each job ends. The run lasts until the pool's jobs end, as CPython's interpreter waits for
/// its threads. The module body prints on the loop's lane (no task runs it, in CPython too);
/// the lessons' Rust programs print those lines from their main task, Task-1. Times on the real
/// clock within the executor listings' 300 ms.
#[wasm_bindgen_test]
async fn the_courses_module_level_pool_listings_run_their_jobs_on_web_workers() {
    for id in ["pool-submit", "pool-callbacks"] {
        let lesson = course::find(id).expect("the lesson exists");
        let expected: Vec<course::Expected> = lesson
            .expected
            .iter()
            .map(|e| course::Expected {
                task: if e.task == "Task-1" { "loop" } else { e.task },
                ..*e
            })
            .collect();
        for lang in Lang::ALL {
            common::dom::warm_workers(lesson, &Settings::defaults(lesson)).await;
            let run = run_listing(lesson, lang, Clock::Real { scale: 1.0 }).await;
            common::assert_printed(lesson, &expected, lang, &run.trace().printed(), 300);
            let submits = if id == "pool-submit" { 10 } else { 5 };
            assert_eq!(
                io_started(&run, IoKind::Worker),
                submits,
                "{id}: a worker job per submit"
            );
        }
    }
}

/// Leaving `with ThreadPoolExecutor() as pool:` in the module body waits for the pool's jobs,
/// as CPython's `shutdown(wait=True)` does: the line after the block runs once they have
/// ended (about 0.5 s), and their results are there. `shutdown(wait=False)` does not wait.
#[wasm_bindgen_test]
async fn leaving_a_pools_with_block_at_the_top_level_waits_for_its_jobs() {
    let source = "import time\nfrom concurrent.futures import ThreadPoolExecutor\n\ndef work(n):\n    time.sleep(0.5)\n    return n * 10\n\nwith ThreadPoolExecutor(2) as pool:\n    futures = [pool.submit(work, n) for n in (1, 2)]\nprint([f.result() for f in futures])\nother = ThreadPoolExecutor(1)\nlate = other.submit(work, 3)\nother.shutdown(wait=False)\nprint(late.done())\n";
    let run = run_on_the_real_clock(source).await;
    let printed = run.trace().printed();
    let lines: Vec<(&str, u64)> = printed.iter().map(|l| (&*l.text, l.at_ms())).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0].0, "[10, 20]");
    assert!((500..800).contains(&lines[0].1), "{lines:?}");
    assert_eq!(lines[1].0, "False");
    assert!(lines[1].1 < lines[0].1 + 100, "{lines:?}");
    // The program's run lasts until the last job has ended, as CPython's interpreter does.
    let finished = run
        .trace()
        .events()
        .last()
        .map(|e| e.at_ms())
        .unwrap_or_default();
    assert!(finished >= 1000, "the run ended at {finished} ms");
}

/// The command-server listing runs unmodified: `loop.create_server` with an `asyncio.Protocol`
/// subclass on `127.0.0.1:8888` is a server among the page's (each connection a
/// `MessageChannel`), `asyncio.open_connection` to the same host and port reaches it, the
/// protocol's `connection_made` / `data_received` / `connection_lost` run as loop callbacks,
/// and the replies come back through `reader.readline()`: the lesson's lines at its times
/// (the server's address is the one the listing gives, `('127.0.0.1', 8888)`, where the Rust
/// lesson names its server `command-server`). The server then serves until `shutdown`, as the
/// listing says: Stop ends it.
#[wasm_bindgen_test]
async fn the_command_server_listing_serves_its_protocol_on_message_channels() {
    let lesson = course::find("command-server").expect("the lesson exists");
    for lang in Lang::ALL {
        let (run, outcome) = run_until_ended(lesson.python(lang), Clock::Virtual, lang, 1500).await;
        assert_eq!(
            run.status(),
            RunStatus::Running,
            "it serves until shutdown: {:?}",
            outcome.traceback()
        );
        let expected: Vec<course::Expected> = lesson
            .expected
            .iter()
            .map(|e| course::Expected {
                words: if e.words.en.starts_with("Serving on") {
                    course::Text::same("Serving on ('127.0.0.1', 8888)")
                } else {
                    e.words
                },
                ..*e
            })
            .collect();
        // Connection closed comes when the client closes; the server goes on.
        common::assert_printed(lesson, &expected, lang, &run.trace().printed(), 0);
        assert_eq!(io_started(&run, IoKind::Channel), 1, "one connection");
        run.stop();
    }
}

/// asyncio's echo server and client (the streams example of Python's documentation, with two
/// clients one after the other) run unmodified on the page's servers: `start_server` calls the
/// handler with a reader and a writer for each connection, in a task of its own; `read(100)`
/// gives what came, `read()` everything until the other end closed (`b''` once it has), and
/// leaving `async with server` closes it. The lines are CPython's, in CPython's order, except the
/// client's address: the runtime's name for it, where CPython has an IP and a port.
#[wasm_bindgen_test]
async fn the_documentations_echo_server_and_client_talk_over_message_channels() {
    let source = "import asyncio\n\n\nasync def handle_echo(reader, writer):\n    data = await reader.read(100)\n    message = data.decode()\n    addr = writer.get_extra_info('peername')\n    print(f\"Received {message!r} from {addr!r}\")\n    print(f\"Send: {message!r}\")\n    writer.write(data)\n    await writer.drain()\n    print(\"Close the connection\")\n    writer.close()\n    await writer.wait_closed()\n\n\nasync def tcp_echo_client(message):\n    reader, writer = await asyncio.open_connection('127.0.0.1', 8888)\n    print(f'Send: {message!r}')\n    writer.write(message.encode())\n    await writer.drain()\n    data = await reader.read(100)\n    print(f'Received: {data.decode()!r}')\n    writer.close()\n    await writer.wait_closed()\n    print(await reader.read(), reader.at_eof())\n\n\nasync def main():\n    server = await asyncio.start_server(handle_echo, '127.0.0.1', 8888)\n    addrs = ', '.join(str(sock.getsockname()) for sock in server.sockets)\n    print(f'Serving on {addrs}')\n    async with server:\n        await tcp_echo_client('Hello World!')\n        await tcp_echo_client('Bye')\n    print('closed', server.is_serving())\n\n\nasyncio.run(main())\n";
    let (run, outcome) = run_until_ended(source, Clock::Virtual, Lang::En, 3000).await;
    assert_ne!(run.status(), RunStatus::Running, "{}", outcome.transcript());
    let text = outcome.transcript();
    assert_eq!(
        text,
        "[0] Serving on ('127.0.0.1', 8888)\n[0] Send: 'Hello World!'\n[0] Received 'Hello World!' from 'client-1'\n[0] Send: 'Hello World!'\n[0] Close the connection\n[0] Received: 'Hello World!'\n[0] b'' True\n[0] Send: 'Bye'\n[0] Received 'Bye' from 'client-2'\n[0] Send: 'Bye'\n[0] Close the connection\n[0] Received: 'Bye'\n[0] b'' True\n[0] closed False\n"
    );
}

/// Connecting where no server listens, and listening where one already does, fail with CPython's
/// errors; a server closed frees its address for the next.
#[wasm_bindgen_test]
async fn a_refused_connection_and_an_address_in_use_fail_as_in_cpython() {
    let text = run_to_end("import asyncio\n\n\nclass Quiet(asyncio.Protocol):\n    pass\n\n\nasync def main():\n    try:\n        await asyncio.open_connection('127.0.0.1', 9999)\n    except ConnectionRefusedError as e:\n        print(type(e).__name__, e)\n    loop = asyncio.get_running_loop()\n    server = await loop.create_server(Quiet, '127.0.0.1', 8888)\n    try:\n        await loop.create_server(Quiet, '127.0.0.1', 8888)\n    except OSError as e:\n        print(type(e).__name__, e)\n    server.close()\n    await server.wait_closed()\n    again = await loop.create_server(Quiet, '127.0.0.1', 8888)\n    print('serving again', again.is_serving())\n    again.close()\n\n\nasyncio.run(main())\n").await;
    assert_eq!(
        text,
        "[0] ConnectionRefusedError [Errno 111] Connect call failed ('127.0.0.1', 9999)\n[0] OSError [Errno 98] error while attempting to bind on address ('127.0.0.1', 8888): address already in use\n[0] serving again True\n"
    );
}
