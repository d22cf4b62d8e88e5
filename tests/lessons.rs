//! Every lesson in headless Chromium: output order and exact virtual times, and two lessons on
//! the real clock within a stated tolerance.
#![cfg(target_arch = "wasm32")]

mod common;

use loopscope::examples::{self, Ends, Needs};
use loopscope::runtime::{live_runs, Clock, RunStatus};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_lesson_matches_its_expected_output_on_the_virtual_clock() {
    // Lessons that download from the app's own server or block workers for real time are run
    // in tests/io.rs, against the fixture server and on the real clock.
    let here = examples::all()
        .filter(|l| l.needs != Needs::Workers && l.knobs.iter().all(|k| k.id != "urls"));
    for lesson in here {
        let run = lesson.start(Clock::Virtual);
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

/// Real clock at scale 0.1 (a 2 s sleep takes 200 ms). Order must be exact. Times are never
/// early, and may be late by at most 40 ms of wall time (400 lesson ms): setTimeout's own
/// lateness plus a loaded CI machine, well under the 2000 ms gaps the lessons teach.
async fn on_the_real_clock(id: &str) {
    const SCALE: f64 = 0.1;
    const TOLERANCE_MS: u64 = 400;
    let lesson = examples::find(id).unwrap();
    let run = lesson.start(Clock::Real { scale: SCALE });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    let lines = run.trace().printed();
    let observed = common::observed(&lines);
    let expected = common::expected(lesson);
    let strip = |v: &[(u64, String, String)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(_, task, text)| (task.clone(), text.clone()))
            .collect()
    };
    assert_eq!(strip(&observed), strip(&expected), "{id}: order");
    for ((got, _, text), (want, _, _)) in observed.iter().zip(&expected) {
        assert!(
            *got >= *want && *got <= want + TOLERANCE_MS,
            "{id}: {text:?} at {got} ms, expected {want} ms (+{TOLERANCE_MS} ms tolerance)"
        );
    }
}

#[wasm_bindgen_test]
async fn create_task_keeps_time_on_the_real_clock() {
    on_the_real_clock("create-task").await;
}

#[wasm_bindgen_test]
async fn await_values_keeps_time_on_the_real_clock() {
    on_the_real_clock("await-values").await;
}
