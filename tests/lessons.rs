//! Every lesson in headless Chromium: output order and exact virtual times; and every lesson
//! that needs only the runtime on the real clock, within a stated tolerance.
#![cfg(target_arch = "wasm32")]

mod common;

use loopscope::course::{self, Ends, Expected, Needs, Settings};
use loopscope::lang::Lang;
use loopscope::runtime::{live_runs, Clock, RunStatus};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_lesson_matches_its_expected_output_on_the_virtual_clock() {
    // Lessons that download from the app's own server or block workers for real time are run
    // in tests/io.rs, against the fixture server and on the real clock.
    // The database lessons are run in tests/sql.rs, against the fixture server's engine.
    let here = course::all().filter(|l| {
        !matches!(l.needs, Needs::Workers | Needs::Database)
            && l.knobs.iter().all(|k| k.id != "urls")
    });
    // In both languages: each prints its own words, at the same times.
    for (lesson, lang) in here.flat_map(|l| Lang::ALL.map(|lang| (l, lang))) {
        let run = lesson.start_in(lang, Clock::Virtual, &Settings::defaults(lesson));
        match lesson.ends {
            Ends::ByItself => {
                run.finished().await;
            }
            // It never finishes: give the loop time to reach its wait, then check and stop.
            Ends::OnlyWhenStopped => common::dom::sleep_ms(50).await,
        }
        common::assert_lesson_run(lesson, &run);
    }
    assert_eq!(live_runs(), 0);
}

/// The first server a page starts waits for the page's Service Worker to start (here to be
/// refused: the harness serves no `sw.js`), which took 140 ms of wall time in one run of this
/// machine: a cost of the page, once, not of a lesson. A web lesson run once on the virtual
/// clock pays it before the lessons are timed.
async fn start_the_page_servers_bridge() {
    let lesson = course::find("asgi-app").expect("the lesson exists");
    let run = lesson.start(Clock::Virtual);
    for _ in 0..500 {
        if run.trace().printed().len() >= lesson.expected.len() {
            break;
        }
        common::dom::sleep_ms(10).await;
    }
    assert_eq!(
        run.trace().printed().len(),
        lesson.expected.len(),
        "asgi-app served on the virtual clock"
    );
    run.stop();
}

/// Every lesson that needs only the runtime, on the real clock at scale 0.2 (a 2 s sleep takes
/// 400 ms): it ends by itself (or, if only Stop ends it, has printed everything), in the
/// lesson's order. Times are never early. Each line may be late by at most 80 ms of wall time
/// (400 lesson ms) more than the line before it was: a sleep starts when the task resumes, so
/// sleeps in a row add up their timers' lateness (as in asyncio; async-range's ten 1 s sleeps
/// ended 429 ms late on a loaded CI machine), and each timer's own lateness is setTimeout's
/// plus the machine's load, well under the gaps the lessons teach. (Downloads and workers
/// are checked on the real clock in tests/io.rs.)
#[wasm_bindgen_test]
async fn every_runtime_lesson_keeps_order_and_time_on_the_real_clock() {
    // At 0.1 the tolerance was 40 ms of wall time: one pause of a loaded CI machine (its
    // reader once saw a Python line 63 ms late) could fail a correct run.
    const SCALE: f64 = 0.2;
    const TOLERANCE_MS: u64 = 400;
    start_the_page_servers_bridge().await;
    let mut checked = 0;
    for lesson in course::all().filter(|l| l.needs == Needs::Runtime) {
        let run = lesson.start(Clock::Real { scale: SCALE });
        // Twice the lesson's length in wall time, and at least a second: a run whose timers
        // never come due fails here instead of hanging the suite.
        let limit_ms = (lesson.expected_duration_ms() as f64 * SCALE * 2.0).max(1000.0);
        let mut waited = 0.0;
        let done = |run: &loopscope::runtime::Run| match lesson.ends {
            Ends::ByItself => run.status() != RunStatus::Running,
            Ends::OnlyWhenStopped => run.trace().printed().len() >= lesson.expected.len(),
        };
        while !done(&run) && waited < limit_ms {
            common::dom::sleep_ms(10).await;
            waited += 10.0;
        }
        let status = run.status();
        run.stop();
        match lesson.ends {
            Ends::ByItself => assert_eq!(
                status,
                RunStatus::Finished(Ok(())),
                "{}: not ended after {waited} ms",
                lesson.id
            ),
            Ends::OnlyWhenStopped => assert_eq!(status, RunStatus::Running, "{}", lesson.id),
        }
        // Never early, line by line; the lateness each line carries over to the next.
        let printed = run.trace().printed();
        let mut carried = Vec::with_capacity(lesson.expected.len());
        let mut late = 0;
        for (i, want) in lesson.expected.iter().enumerate() {
            carried.push(Expected {
                at_ms: want.at_ms + late,
                ..*want
            });
            if let Some(line) = printed.get(i) {
                assert!(
                    line.at_ms() >= want.at_ms,
                    "{}: {:?} at {} ms, expected {} ms",
                    lesson.id,
                    line.text,
                    line.at_ms(),
                    want.at_ms
                );
                late = line.at_ms() - want.at_ms;
            }
        }
        // The lesson's own order rule, each line within the tolerance of its time plus the
        // lateness carried to it (and a time the lesson measures itself within the tolerance).
        common::assert_printed(lesson, &carried, run.lang(), &printed, TOLERANCE_MS);
        checked += 1;
    }
    assert_eq!(checked, 62);
    assert_eq!(live_runs(), 0);
}
