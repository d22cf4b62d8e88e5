//! The runtime's life cycle in the real browser: Stop mid-run, yielding to the browser, and
//! generations that never mix.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::dom::sleep_ms;
use loopscope::course;
use loopscope::print;
use loopscope::runtime::{create_task, live_runs, sleep, Clock, EventKind, Run, RunStatus};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn stop_mid_run_leaves_no_task_or_timer_and_records_nothing_after() {
    let lesson = course::find("create-task").unwrap();
    let run = lesson.start(Clock::Real { scale: 1.0 });
    sleep_ms(50).await;
    assert_eq!(run.status(), RunStatus::Running);
    assert_eq!(run.live_tasks(), 3);
    assert_eq!(run.live_timers(), 2);
    assert!(run.stop());
    assert_eq!(run.status(), RunStatus::Stopped);
    assert_eq!(
        (run.live_tasks(), run.live_timers(), live_runs()),
        (0, 0, 0)
    );
    let events_at_stop = run.trace().len();
    // The cancelled setTimeouts must not fire into the stopped run: wait past their due time.
    sleep_ms(2300).await;
    assert_eq!(run.trace().len(), events_at_stop);
    assert_eq!(common::printed_texts(&run), ["main start", "1", "3"]);
    assert_eq!(common::count_events(&run, &EventKind::TaskCancelled), 3);
}

#[wasm_bindgen_test]
async fn a_busy_run_still_lets_the_browser_run_its_own_tasks() {
    // A browser macrotask (setTimeout 0) can only run if the runtime yields with a macrotask:
    // a run that only used microtasks would starve it, and the loop below would hit its bound.
    let fired = Rc::new(Cell::new(false));
    let flag = fired.clone();
    let _timeout = gloo_timers::callback::Timeout::new(0, move || flag.set(true));
    let seen = fired.clone();
    let run = Run::start(Clock::Virtual, move || async move {
        let mut turns = 0u32;
        while !seen.get() && turns < 2_000_000 {
            sleep(0.0).await?;
            turns += 1;
        }
        print!(py 1, "{}", seen.get());
        Ok(())
    });
    run.finished().await;
    assert_eq!(common::printed_texts(&run), ["true"]);
}

#[wasm_bindgen_test]
async fn runs_have_distinct_generations_and_separate_traces() {
    let lesson = course::find("tasks-wait").unwrap();
    let first = lesson.start(Clock::Real { scale: 1.0 });
    sleep_ms(20).await;
    first.stop();
    let second = lesson.start(Clock::Virtual);
    second.finished().await;
    assert!(second.generation() > first.generation());
    assert_eq!(first.trace().printed().len(), 3);
    assert_eq!(second.trace().printed().len(), 7);
}

#[wasm_bindgen_test]
async fn a_task_outside_any_run_is_refused_not_panicking() {
    let err = create_task(async { Ok(()) }).unwrap_err();
    assert_eq!(err.to_string(), "RuntimeError: no running event loop");
}
