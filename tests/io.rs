//! Real outside work in headless Chromium: downloads over real HTTP (the fixture server of
//! `tests/fixtures/server.py`, started by `scripts/test`), the private file system, IndexedDB,
//! a server on message channels, and Web Workers proving that their jobs run in parallel.
#![cfg(target_arch = "wasm32")]

mod common;

use loopscope::analysis::matching::Seen;
use loopscope::course::{self, KnobValue, Settings};
use loopscope::runtime::channel::{Console, Reply};
use loopscope::runtime::{fetch, live_runs, Clock, Error, IoKind, Run, RunStatus};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

use common::{fixture_settings as fixture_urls, FIXTURES as BASE};

/// The run's printed lines with the fixture server's address taken out of the texts, so they
/// read as with the lesson's own relative URLs.
fn seen_without_base(run: &Run) -> Vec<Seen> {
    common::seen(&run.trace().printed())
        .into_iter()
        .map(|mut s| {
            s.text = s.text.replace(BASE, "");
            s
        })
        .collect()
}

fn assert_matches(id: &str, run: &Run, tolerance_ms: u64) {
    let lesson = course::find(id).unwrap();
    common::assert_printed(
        lesson,
        lesson.expected,
        run.lang(),
        &seen_without_base(run),
        tolerance_ms,
    );
    common::assert_source_lines(lesson, &run.trace().printed());
}

#[wasm_bindgen_test]
async fn downloads_match_exactly_on_the_virtual_clock() {
    let lesson = course::find("downloads").unwrap();
    let run = lesson.start_with(Clock::Virtual, &fixture_urls(lesson));
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_matches("downloads", &run, 0);
    assert_eq!(common::live_counters(&run), [0; 8]);
    // Progress was recorded chunk by chunk, ending at each file's size.
    let progress: Vec<u64> = run
        .trace()
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            loopscope::runtime::EventKind::IoProgress { done, total, .. } => {
                assert_eq!(total.map(|t| done <= t), Some(true));
                Some(done)
            }
            _ => None,
        })
        .collect();
    for size in [104_600, 51_240, 160_105] {
        assert_eq!(progress.iter().filter(|d| **d == size).count(), 2, "{size}");
    }
}

/// Real clock at real speed: each localhost fetch adds a few ms, and the printed totals are
/// rounded to 100 ms, so they read as on the virtual clock.
#[wasm_bindgen_test]
async fn downloads_keep_time_on_the_real_clock() {
    let lesson = course::find("downloads").unwrap();
    let run = lesson.start_with(Clock::Real { scale: 1.0 }, &fixture_urls(lesson));
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_matches("downloads", &run, 250);
}

#[wasm_bindgen_test]
async fn gather_returns_pages_in_the_order_asked() {
    let lesson = course::find("gather-pages").unwrap();
    let run = lesson.start_with(Clock::Virtual, &fixture_urls(lesson));
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_matches("gather-pages", &run, 0);
    assert_eq!(common::live_counters(&run), [0; 8]);
}

/// aiohttp and httpx are both the browser's fetch: two real requests for the same page, whose
/// answers race. Both tasks say start before either answer; after that each task's own lines
/// keep their order, however the two interleave.
#[wasm_bindgen_test]
async fn aiohttp_and_httpx_fetch_the_same_page_at_once() {
    let lesson = course::find("aiohttp-httpx").unwrap();
    for clock in [Clock::Virtual, Clock::Real { scale: 1.0 }] {
        let run = lesson.start_with(clock, &fixture_urls(lesson));
        assert_eq!(
            run.finished().await,
            RunStatus::Finished(Ok(())),
            "{clock:?}"
        );
        assert_matches(
            "aiohttp-httpx",
            &run,
            if clock == Clock::Virtual { 0 } else { 250 },
        );
        assert_eq!(common::live_counters(&run), [0; 8]);
        let printed = run.trace().printed();
        let starts: Vec<&str> = printed.iter().take(2).map(|l| &*l.text).collect();
        assert_eq!(starts, ["start: aiohttp", "start: httpx"], "{clock:?}");
        for task in ["Task-2", "Task-3"] {
            let said: Vec<&str> = printed
                .iter()
                .filter(|l| &*l.task_name == task)
                .map(|l| &*l.text)
                .collect();
            let expected: Vec<&str> = lesson
                .expected
                .iter()
                .filter(|e| e.task == task)
                .map(|e| e.text(run.lang()))
                .collect();
            assert_eq!(said, expected, "{task}, {clock:?}");
        }
        let fetched: Vec<String> = run
            .trace()
            .events()
            .iter()
            .filter_map(|e| match &e.kind {
                loopscope::runtime::EventKind::IoStarted {
                    kind: IoKind::Fetch,
                    label,
                    ..
                } => Some(label.to_string()),
                _ => None,
            })
            .collect();
        let page = format!("{BASE}samples/pages/hello.html");
        assert_eq!(fetched, [page.clone(), page], "{clock:?}");
    }
}

/// Every way a download can fail, each with its own message, none stopping the others.
#[wasm_bindgen_test]
async fn failing_urls_fail_one_by_one_with_clear_messages() {
    let outcomes: Rc<RefCell<Vec<(String, String)>>> = Rc::default();
    let sink = outcomes.clone();
    let cases = vec![
        format!("{BASE}samples/missing.png"),
        format!("{BASE}status/500"),
        "http://127.0.0.1:9/unreachable.png".to_string(),
        format!("{BASE}no-cors/samples/lantern.png"),
        "javascript:alert(1)".to_string(),
        "".to_string(),
        "data:text/plain,hi".to_string(),
        format!("{BASE}samples/lantern.png"),
    ];
    let run = Run::start(Clock::Virtual, move || async move {
        for url in cases {
            let result = match fetch(&url).await {
                Ok(response) => match response.error_for_status() {
                    Ok(response) => response.read().await.map(|b| format!("{} bytes", b.len())),
                    Err(e) => Err(e),
                },
                Err(e) => Err(e),
            };
            let text = match result {
                Ok(text) => text,
                Err(Error::Cancelled) => return Err(Error::Cancelled),
                Err(e) => e.to_string(),
            };
            sink.borrow_mut().push((url, text));
        }
        Ok(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    let outcomes = outcomes.borrow();
    let said = |i: usize| outcomes[i].1.as_str();
    assert_eq!(
        said(0),
        format!("HTTP 404 Not Found: {BASE}samples/missing.png")
    );
    assert_eq!(
        said(1),
        format!("HTTP 500 Internal Server Error: {BASE}status/500")
    );
    assert!(
        said(2).starts_with("network error or CORS refusal"),
        "{}",
        said(2)
    );
    assert!(
        said(3).starts_with("network error or CORS refusal"),
        "{}",
        said(3)
    );
    assert!(said(4).contains("only http and https"), "{}", said(4));
    assert!(said(5).contains("empty URL"), "{}", said(5));
    assert!(said(6).contains("only http and https"), "{}", said(6));
    assert_eq!(said(7), "51240 bytes");
    assert_eq!(common::live_counters(&run), [0; 8]);
}

#[wasm_bindgen_test]
async fn stop_aborts_downloads_in_flight() {
    let lesson = course::find("downloads").unwrap();
    let mut settings = fixture_urls(lesson);
    settings.set("speed", KnobValue::Int(10)); // 10 KB/s: seconds per file
    let run = lesson.start_with(Clock::Real { scale: 1.0 }, &settings);
    common::dom::wait_until("a download in flight", 5_000, || {
        run.live_io(IoKind::Fetch) > 0
    })
    .await;
    assert!(run.stop());
    assert_eq!(run.status(), RunStatus::Stopped);
    assert_eq!(common::live_counters(&run), [0; 8]);
    let cancelled = run
        .trace()
        .events()
        .iter()
        .filter(|e| matches!(&e.kind, loopscope::runtime::EventKind::IoEnded { error: Some(e), .. } if &**e == "cancelled"))
        .count();
    assert_eq!(cancelled, 1);
    let printed = common::printed_texts(&run).len();
    common::dom::sleep_ms(100).await;
    assert_eq!(
        common::printed_texts(&run).len(),
        printed,
        "nothing after Stop"
    );
}

#[wasm_bindgen_test]
async fn files_are_written_read_back_and_removed_in_the_private_file_system() {
    for clock in [Clock::Virtual, Clock::Real { scale: 1.0 }] {
        let run = course::find("opfs-files").unwrap().start(clock);
        assert_eq!(
            run.finished().await,
            RunStatus::Finished(Ok(())),
            "{clock:?}"
        );
        // Real OPFS calls take real time: on a loaded 2-core machine Firefox's first ones took
        // 146 ms and the second line came at 228 ms.
        assert_matches(
            "opfs-files",
            &run,
            if clock == Clock::Virtual { 0 } else { 500 },
        );
        assert_eq!(common::live_counters(&run), [0; 8]);
        let storage_calls = run
            .trace()
            .events()
            .iter()
            .filter(|e| {
                matches!(
                    &e.kind,
                    loopscope::runtime::EventKind::IoEnded { error: None, .. }
                )
            })
            .count();
        assert_eq!(storage_calls, 9, "open, 3 writes, 4 reads, remove");
    }
    // Removed: opening for reading finds an empty new file, not the lesson's text.
    let run = Run::start(Clock::Virtual, || async {
        let file = loopscope::runtime::storage::async_open("test.txt", "r").await?;
        let text = file.read().await?;
        file.remove().await?;
        if text.is_empty() {
            Ok(())
        } else {
            Err(Error::raised(text))
        }
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
}

#[wasm_bindgen_test]
async fn the_key_value_store_sets_gets_deletes_and_drops_its_database() {
    let run = course::find("indexeddb-kv").unwrap().start(Clock::Virtual);
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_matches("indexeddb-kv", &run, 0);
    assert_eq!(common::live_counters(&run), [0; 8]);
}

#[wasm_bindgen_test]
async fn bad_storage_names_and_modes_are_refused_with_a_message() {
    let run = Run::start(Clock::Virtual, || async {
        for (name, mode) in [("../x", "w"), ("", "w"), ("ok.txt", "rb+x")] {
            match loopscope::runtime::storage::async_open(name, mode).await {
                Ok(_) => return Err(Error::raised(format!("{name:?} {mode:?} was accepted"))),
                Err(e) => assert!(!e.to_string().is_empty()),
            }
        }
        Ok(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
}

#[wasm_bindgen_test]
async fn the_command_server_answers_the_script_then_the_console_until_shutdown() {
    let lesson = course::find("command-server").unwrap();
    let run = lesson.start(Clock::Virtual);
    common::dom::wait_until("the scripted client to finish", 5_000, || {
        common::printed_texts(&run).last().map(String::as_str) == Some("Connection closed")
    })
    .await;
    assert_matches("command-server", &run, 0);
    assert_eq!(run.status(), RunStatus::Running, "it keeps serving");
    let replies: Rc<RefCell<Vec<Reply>>> = Rc::default();
    let sink = replies.clone();
    let console = Console::connect("command-server", move |r| sink.borrow_mut().push(r)).unwrap();
    for line in ["add 2", "multiply x", "<b>bold</b>", "multiply 21"] {
        console.send(line).unwrap();
        let want = replies.borrow().len() + 1;
        common::dom::wait_until("an answer", 2_000, || replies.borrow().len() == want).await;
    }
    assert!(console.send(&"x".repeat(1001)).is_err());
    console.send("shutdown").unwrap();
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    common::dom::wait_until("the close", 2_000, || {
        replies.borrow().last() == Some(&Reply::Closed)
    })
    .await;
    let replies = replies.borrow();
    assert_eq!(
        *replies,
        vec![
            Reply::Data("Current total: 2".into()),
            Reply::Data("Invalid multiply command. Usage: multiply <number>".into()),
            Reply::Data("Unknown command. Available commands: add <number>, multiply <number>, reset, shutdown".into()),
            Reply::Data("Current total after multiplication: 42".into()),
            Reply::Closed,
        ]
    );
    let texts = common::printed_texts(&run);
    let tail: Vec<&str> = texts
        .iter()
        .rev()
        .take(3)
        .rev()
        .map(String::as_str)
        .collect();
    assert_eq!(
        tail,
        [
            "Connection from console-2",
            "Shutting down the server...",
            "Connection closed"
        ]
    );
    assert_eq!(common::live_counters(&run), [0; 8]);
    assert!(
        Console::connect("command-server", |_| {}).is_err(),
        "the server is gone"
    );
}

/// Real speed: starting a Web Worker takes tens of milliseconds of wall time, which a faster
/// clock would multiply into lesson time.
const WORKER_SCALE: f64 = 1.0;
/// Worker start-up and message hops on a loaded 2-core machine, in ms.
const WORKER_TOLERANCE_MS: u64 = 300;

#[wasm_bindgen_test]
async fn ten_jobs_on_five_workers_take_two_job_lengths_and_the_ticker_stays_on_time() {
    let lesson = course::find("run-in-executor").unwrap();
    common::dom::warm_workers(lesson, &Settings::defaults(lesson)).await;
    let run = lesson.start(Clock::Real {
        scale: WORKER_SCALE,
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_matches("run-in-executor", &run, WORKER_TOLERANCE_MS);
    assert_eq!(common::live_counters(&run), [0; 8]);
}

#[wasm_bindgen_test]
async fn n_jobs_on_n_workers_take_about_one_job() {
    let lesson = course::find("run-in-executor").unwrap();
    for n in [2, 8] {
        let (settings, errors) = Settings::from_query(lesson, &format!("workers={n}&jobs={n}"));
        assert!(errors.is_empty());
        common::dom::warm_workers(lesson, &settings).await;
        let run = lesson.start_with(
            Clock::Real {
                scale: WORKER_SCALE,
            },
            &settings,
        );
        assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
        // Every job ends about one job length (1000 lesson ms) after the start: in parallel.
        let done: Vec<u64> = run
            .trace()
            .printed()
            .iter()
            .filter(|l| l.text.starts_with("done "))
            .map(|l| l.at_ms())
            .collect();
        assert_eq!(done.len(), n);
        for at in done {
            assert!(
                at.abs_diff(1000) <= WORKER_TOLERANCE_MS,
                "{n} jobs: one ended at {at} ms"
            );
        }
        let workers: std::collections::BTreeSet<String> = run
            .trace()
            .printed()
            .iter()
            .filter(|l| l.task.is_none())
            .map(|l| l.task_name.to_string())
            .collect();
        assert_eq!(workers.len(), n, "{workers:?}");
    }
}

#[wasm_bindgen_test]
async fn pool_callbacks_arrive_after_one_job_length() {
    let lesson = course::find("pool-callbacks").unwrap();
    common::dom::warm_workers(lesson, &Settings::defaults(lesson)).await;
    let run = lesson.start(Clock::Real {
        scale: WORKER_SCALE,
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_matches("pool-callbacks", &run, WORKER_TOLERANCE_MS);
}

/// The executor lessons that print what their jobs return (and the downloader whose jobs GET
/// from the fixture server), with their workers warm as the page has them.
#[wasm_bindgen_test]
async fn executor_lessons_print_what_their_jobs_return() {
    for id in [
        "default-executor",
        "wrap-future",
        "executor-kinds",
        "pool-submit",
        "executor-downloads",
    ] {
        let lesson = course::find(id).unwrap();
        let settings = fixture_urls(lesson);
        common::dom::warm_workers(lesson, &settings).await;
        let run = lesson.start_with(
            Clock::Real {
                scale: WORKER_SCALE,
            },
            &settings,
        );
        assert_eq!(run.finished().await, RunStatus::Finished(Ok(())), "{id}");
        assert_matches(id, &run, WORKER_TOLERANCE_MS);
    }
}

/// A blocking GET of a URL that cannot be reached fails its job with requests' error; the
/// task awaiting it fails with it, and `asyncio.wait` leaves that error in the task, never
/// retrieved, which the page's hint names.
#[wasm_bindgen_test]
async fn a_blocking_get_that_fails_fails_its_job_and_its_task() {
    let lesson = course::find("executor-downloads").unwrap();
    let mut settings = Settings::defaults(lesson);
    settings.set(
        "urls",
        KnobValue::Urls(vec!["http://127.0.0.1:9/nothing.png".to_string()]),
    );
    let run = lesson.start_with(Clock::Real { scale: 1.0 }, &settings);
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    let lints = loopscope::analysis::lints::lints(&run.trace(), lesson, &settings);
    let lost = lints.iter().find_map(|lint| match &lint.finding {
        loopscope::analysis::lints::Finding::ErrorLost { error, .. } => Some(error.clone()),
        _ => None,
    });
    let lost = lost.expect("the failed task's error, never retrieved");
    assert!(
        lost.contains("requests.exceptions.ConnectionError"),
        "{lost}"
    );
    assert!(!common::printed_texts(&run)
        .iter()
        .any(|t| t.contains("done")));
    assert_eq!(common::live_counters(&run), [0; 8]);
}

#[wasm_bindgen_test]
async fn blocking_the_loop_really_delays_the_timers() {
    for id in ["executor-sequential", "blocking-loop"] {
        let run = course::find(id).unwrap().start(Clock::Real { scale: 0.1 });
        assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
        // 400 lesson ms = 40 ms of wall time at this scale: noise on a loaded machine, far below
        // the one-second steps the lessons show.
        assert_matches(id, &run, 400);
    }
}

#[wasm_bindgen_test]
async fn stop_terminates_workers_mid_job() {
    let run = course::find("run-in-executor")
        .unwrap()
        .start(Clock::Real { scale: 1.0 });
    common::dom::wait_until("jobs on workers", 5_000, || run.live_io(IoKind::Worker) > 0).await;
    assert!(run.stop());
    assert_eq!(common::live_counters(&run), [0; 8]);
    let printed = common::printed_texts(&run).len();
    common::dom::sleep_ms(1_200).await;
    assert_eq!(
        common::printed_texts(&run).len(),
        printed,
        "no worker prints after Stop"
    );
    assert_eq!(live_runs(), 0);
}

/// WSGI's server answers one request at a time on its one thread (a Web Worker): three
/// requests sent at once are answered 1, 2 and 3 s later, while the page's loop stays free;
/// Stop then ends the server and its worker.
#[wasm_bindgen_test]
async fn a_wsgi_server_answers_one_request_at_a_time_on_its_thread() {
    let lesson = course::find("wsgi-app").unwrap();
    common::dom::warm_workers(lesson, &Settings::defaults(lesson)).await;
    let run = lesson.start(Clock::Real {
        scale: WORKER_SCALE,
    });
    common::dom::wait_until("three answers", 8_000, || run.trace().printed().len() >= 3).await;
    assert_matches("wsgi-app", &run, WORKER_TOLERANCE_MS);
    assert!(run.stop());
    assert_eq!(common::live_counters(&run), [0; 8]);
}

/// A WebSocket to the page's server: its messages cross a real `MessageChannel`, hold the
/// virtual clock only while in transit (time moves on afterwards, exactly), and Stop in the
/// middle of a conversation leaves nothing live.
#[wasm_bindgen_test]
async fn a_websocket_crosses_a_message_channel_and_leaves_the_clock_free() {
    use loopscope::print;
    use loopscope::runtime::web::starlette::{socket_endpoint, starlette, Route, WebSocket};
    use loopscope::runtime::web::{websocket, Config, Server};
    use loopscope::runtime::{create_task, sleep};
    async fn echo(ws: WebSocket) -> Result<(), Error> {
        ws.accept().await?;
        loop {
            let text = ws.receive_text().await?;
            ws.send_text(&format!("echo {text}")).await?;
            if text == "bye" {
                return ws.close().await;
            }
        }
    }
    async fn serve_and_talk(stop_midway: bool) -> Result<(), Error> {
        let routes = vec![Route::websocket("/ws", socket_endpoint(echo))?];
        let server = Server::new(Config::new(starlette(routes), 5000));
        let serving = create_task(server.clone().serve())?;
        while !server.started() {
            sleep(0.0).await?;
        }
        let mut ws = websocket::connect("ws://127.0.0.1:5000/ws").await?;
        for text in ["one", "two", "bye"] {
            ws.send(text)?;
            print!(py 1, "{:?}", ws.next().await?);
            if stop_midway {
                sleep(60.0).await?; // Stop comes first
            }
        }
        print!(py 1, "{:?}", ws.next().await?);
        sleep(1.0).await?;
        print!(py 1, "a second later");
        server.exit();
        serving.await
    }
    let run = Run::start(Clock::Virtual, || serve_and_talk(false));
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    let lines: Vec<String> = run
        .trace()
        .printed()
        .iter()
        .map(|l| format!("{}@{}", l.text, l.at_ms()))
        .collect();
    assert_eq!(
        lines,
        [
            "Some(\"echo one\")@0",
            "Some(\"echo two\")@0",
            "Some(\"echo bye\")@0",
            "None@0",
            "a second later@1000"
        ]
    );
    assert_eq!(common::live_counters(&run), [0; 8]);

    let run = Run::start(Clock::Real { scale: 1.0 }, || serve_and_talk(true));
    common::dom::wait_until("the first answer", 2_000, || {
        !common::printed_texts(&run).is_empty()
    })
    .await;
    assert_eq!(run.live_io(IoKind::Channel), 1, "the connection is open");
    run.stop();
    assert_eq!(run.finished().await, RunStatus::Stopped);
    assert_eq!(common::live_counters(&run), [0; 8]);
}

/// Redis hashes on IndexedDB: HSET answers how many fields are new and keeps the order they
/// were first set in; a hash read as a string, or a string as a hash, is Redis' WRONGTYPE.
#[wasm_bindgen_test]
async fn redis_hashes_count_new_fields_keep_their_order_and_refuse_the_wrong_type() {
    use loopscope::runtime::storage::{redis_database, Kv};
    let run = Run::start(Clock::Virtual, || async {
        let db = Kv::open(&redis_database("redis://127.0.0.1:6399/2")?).await?;
        let first = db.hset("h", &[("b", "1"), ("a", "2")]).await?;
        let second = db.hset("h", &[("a", "3"), ("c", "4")]).await?;
        let fields = db.hgetall("h").await?;
        let missing = db.hgetall("nothing").await?;
        db.set("s", "text").await?;
        let wrong = [
            db.get("h").await.err().map(|e| e.to_string()),
            db.hgetall("s").await.err().map(|e| e.to_string()),
            db.hset("s", &[("x", "1")])
                .await
                .err()
                .map(|e| e.to_string()),
        ];
        db.drop_database().await?;
        assert_eq!((first, second), (2, 1));
        assert_eq!(
            fields,
            [("b", "1"), ("a", "3"), ("c", "4")].map(|(f, v)| (f.to_string(), v.to_string()))
        );
        assert!(missing.is_empty());
        for error in wrong {
            assert!(
                error.as_deref().is_some_and(|e| e.contains("WRONGTYPE")),
                "{error:?}"
            );
        }
        Ok(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_eq!(common::live_counters(&run), [0; 8]);
}

/// redis-py's pool on IndexedDB: commands one after another share one connection, commands at
/// once get one each, a single-connection client holds one for its block and gives it back,
/// and a failed command's connection is closed, never lent again.
#[wasm_bindgen_test]
async fn the_redis_pool_lends_a_connection_per_command_and_the_client_holds_one() {
    use loopscope::runtime::redis::Redis;
    use loopscope::runtime::storage::{redis_database, Kv};
    const URL: &str = "redis://127.0.0.1:6399/3";
    async fn get_k(redis: Redis) -> loopscope::runtime::Result<Option<String>> {
        redis.get("k").await
    }
    let run = Run::start(Clock::Virtual, || async {
        let redis = Redis::from_url(URL)?;
        redis.set("k", "v").await?;
        let one_after_another = redis.get("k").await?;
        let idle_after_sequence = redis.idle_connections();
        let both = loopscope::runtime::gather([get_k(redis.clone()), get_k(redis.clone())]).await?;
        let idle_after_concurrent = redis.idle_connections();
        let client = redis.client().await?;
        let idle_while_held = redis.idle_connections();
        client.set("k", "w").await?;
        let held = client.get("k").await?;
        client.close();
        let idle_after_block = redis.idle_connections();
        let kv = Kv::open(&redis_database(URL)?).await?;
        kv.hset("h", &[("f", "1")]).await?;
        let wrong = redis.get("h").await.err().map(|e| e.to_string());
        let idle_after_failure = redis.idle_connections();
        redis.aclose();
        kv.drop_database().await?;
        assert_eq!(one_after_another.as_deref(), Some("v"));
        assert_eq!(idle_after_sequence, 1);
        assert_eq!(both, [Some("v".to_string()), Some("v".to_string())]);
        assert_eq!(idle_after_concurrent, 2);
        assert_eq!((idle_while_held, held.as_deref()), (1, Some("w")));
        assert_eq!(idle_after_block, 2);
        assert!(
            wrong.as_deref().is_some_and(|e| e.contains("WRONGTYPE")),
            "{wrong:?}"
        );
        assert_eq!(idle_after_failure, 1);
        Ok(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    let opened = run
        .trace()
        .events()
        .iter()
        .filter(|e| {
            matches!(&e.kind, loopscope::runtime::EventKind::IoStarted { label, .. }
                if label.starts_with("open database redis 127.0.0.1:6399 db3"))
        })
        .count();
    // The pool's two connections, and the test's own.
    assert_eq!(opened, 3);
    assert_eq!(common::live_counters(&run), [0; 8]);
}

/// The mail lessons: the page's SMTP server and aiosmtplib's client, talking real SMTP over
/// `MessageChannel`s, on both clocks: the mails' seconds exact on the virtual clock, and
/// every connection closed at the end.
#[wasm_bindgen_test]
async fn the_mail_lessons_deliver_and_refuse_on_both_clocks() {
    for id in ["smtp-send", "smtp-concurrent"] {
        let lesson = course::find(id).expect(id);
        for clock in [Clock::Virtual, Clock::Real { scale: 0.2 }] {
            let run = lesson.start(clock);
            let mut waited = 0;
            while run.status() == RunStatus::Running {
                assert!(
                    waited < 5_000,
                    "{id} ({clock:?}) still running after 5 s, having printed {:?}",
                    common::printed_texts(&run)
                );
                common::dom::sleep_ms(10).await;
                waited += 10;
            }
            match clock {
                Clock::Virtual => common::assert_lesson_run(lesson, &run),
                _ => common::assert_output(lesson, &run, 400),
            }
            assert_eq!(common::live_counters(&run), [0; 8], "{id}");
            // The mailbox view: a row per mail the server received, with its reply code; the
            // refused recipient never got as far as DATA.
            let mails: Vec<_> = loopscope::analysis::io_rows::io_rows(&run.trace())
                .into_iter()
                .filter(|row| row.kind == IoKind::Mail)
                .collect();
            let count = if id == "smtp-send" { 1 } else { 6 };
            assert_eq!(mails.len(), count, "{id}: {mails:?}");
            for mail in &mails {
                assert_eq!(
                    (mail.status, &mail.error),
                    (Some(250), &None),
                    "{id}: {mail:?}"
                );
                assert!(
                    mail.label
                        .starts_with("root@localhost → somebody@example.com · Hello"),
                    "{id}: {mail:?}"
                );
                assert!(
                    mail.end_ms.is_some_and(|end| end >= mail.start_ms),
                    "{mail:?}"
                );
            }
        }
    }
}

/// A handler that raises: the client gets aiosmtpd's `500 Error: (ValueError) …` as
/// aiosmtplib's `SMTPDataError`, the mailbox row fails with it, and the conversation goes on
/// (the next mail on the same connection is answered too).
#[wasm_bindgen_test]
async fn a_mail_handler_that_raises_is_a_500_and_the_server_goes_on() {
    use loopscope::runtime::mail::{self, EmailMessage, Envelope, Handler, Smtp, SmtpError};
    struct Full;
    impl Handler for Full {
        async fn handle_data(&self, _envelope: &Envelope) -> loopscope::runtime::Result<String> {
            Err(Error::raised("ValueError: mailbox full"))
        }
    }
    let run = Run::start(Clock::Virtual, || async {
        let server = mail::serve(Rc::new(Full), "127.0.0.1", 1026).await?;
        let mut message = EmailMessage::new();
        message.set("From", "a@example.com")?;
        message.set("To", "b@example.com")?;
        message.set_content("hi");
        let mut client = Smtp::new("127.0.0.1", 1026);
        client.connect().await?;
        let first = client.send_message(&message).await;
        let second = client.send_message(&message).await;
        client.quit().await?;
        server.close();
        let full = SmtpError::Data(500, "Error: (ValueError) mailbox full".into());
        assert_eq!(first, Err(full.clone()));
        assert_eq!(second, Err(full));
        Ok(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    let mails: Vec<_> = loopscope::analysis::io_rows::io_rows(&run.trace())
        .into_iter()
        .filter(|row| row.kind == IoKind::Mail)
        .collect();
    assert_eq!(mails.len(), 2);
    for mail in mails {
        assert_eq!(mail.status, Some(500));
        assert_eq!(
            mail.error.as_deref(),
            Some("500 Error: (ValueError) mailbox full")
        );
    }
    assert_eq!(common::live_counters(&run), [0; 8]);
}
