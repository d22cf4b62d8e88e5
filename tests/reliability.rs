//! The reliability suite: Stop in the middle of every lesson, many runs in a row, and the
//! runtime's live counters back at zero afterwards, with nothing of an old run in a new one.
#![cfg(target_arch = "wasm32")]

mod common;

use loopscope::course::{self, Ends, KnobValue, Mistake, Needs, Settings};
use loopscope::runtime::{live_runs, Clock, RunStatus};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A lesson's settings for the test page: downloads point at the fixture server, slowly, so
/// Stop finds them mid-transfer.
fn settings_for(lesson: &course::Lesson) -> Settings {
    let mut settings = common::fixture_settings(lesson);
    if settings.get("speed").is_some() {
        settings.set("speed", KnobValue::Int(20));
    }
    settings
}

#[wasm_bindgen_test]
async fn stop_in_the_middle_of_every_lesson_leaves_nothing_running() {
    // A lesson that ends before Stop comes makes every check below trivially true: count the
    // lessons really stopped mid-run, and require it of every lesson long enough for it.
    let mut stopped_mid_run = Vec::new();
    let mut long_enough = Vec::new();
    common::use_fixture_engine();
    for lesson in course::all() {
        // Ten times faster than real time, so the lessons that block the page itself (that is
        // their point) freeze it for one second rather than ten.
        let scale = if lesson.needs == Needs::Workers {
            1.0
        } else {
            0.1
        };
        // Long enough to be inside the lesson (a sleep, a download, a worker job), shorter
        // than most of them.
        let stop_after_ms = if lesson.needs == Needs::Workers {
            150
        } else {
            20
        };
        // Lessons that last five times the wait (or forever) must still be running at Stop,
        // except those that block the loop on purpose: while they block, the page (and this
        // test's timer) cannot run at all, as in Python, so Stop may come only after them.
        let wall_ms = lesson.expected_duration_ms() as f64 * scale;
        let blocks = lesson.mistakes.contains(&Mistake::Blocked);
        if !blocks
            && (lesson.ends == Ends::OnlyWhenStopped || wall_ms >= f64::from(stop_after_ms) * 5.0)
        {
            long_enough.push(lesson.id);
        }
        let run = lesson.start_with(Clock::Real { scale }, &settings_for(lesson));
        common::dom::sleep_ms(stop_after_ms).await;
        let was_running = run.status() == RunStatus::Running;
        run.stop();
        if was_running {
            assert_eq!(run.status(), RunStatus::Stopped, "{}", lesson.id);
            stopped_mid_run.push(lesson.id);
        }
        assert_ne!(run.status(), RunStatus::Running, "{}", lesson.id);
        assert_eq!(common::live_counters(&run), [0; 8], "{}", lesson.id);
        let printed = common::printed_texts(&run).len();
        let events = run.trace().len();
        common::dom::sleep_ms(if was_running { 60 } else { 0 }).await;
        assert_eq!(
            common::printed_texts(&run).len(),
            printed,
            "{}: printed after Stop",
            lesson.id
        );
        assert_eq!(
            run.trace().len(),
            events,
            "{}: events after Stop",
            lesson.id
        );
    }
    assert_eq!(live_runs(), 0);
    console_log!(
        "stopped mid-run: {} of {} lessons ({} required)",
        stopped_mid_run.len(),
        course::all().count(),
        long_enough.len()
    );
    let missed: Vec<_> = long_enough
        .iter()
        .filter(|id| !stopped_mid_run.contains(id))
        .collect();
    assert!(
        missed.is_empty(),
        "these lessons had ended before Stop: {missed:?}"
    );
    // Most of the course is stopped mid-run, not only the lessons the rule above names.
    assert!(
        stopped_mid_run.len() >= 30,
        "{} of {} lessons stopped mid-run: {stopped_mid_run:?}",
        stopped_mid_run.len(),
        course::all().count()
    );
}

#[wasm_bindgen_test]
async fn a_thousand_runs_in_a_row_leave_no_trace_of_each_other() {
    let lesson = course::find("gather-order").unwrap();
    let mut generations = std::collections::BTreeSet::new();
    for i in 0..1000 {
        let run = lesson.start(Clock::Virtual);
        // Every other run is stopped at once, the rest run to the end.
        if i % 2 == 0 {
            run.stop();
            assert_eq!(run.status(), RunStatus::Stopped);
        } else {
            assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
            assert_eq!(common::printed_texts(&run).len(), lesson.expected.len());
        }
        assert!(
            generations.insert(run.generation()),
            "a generation id was reused"
        );
        assert_eq!(common::live_counters(&run), [0; 8]);
    }
    assert_eq!(live_runs(), 0);
}

#[wasm_bindgen_test]
async fn run_pressed_twice_on_the_real_clock_keeps_only_the_second_run() {
    let lesson = course::find("create-task").unwrap();
    let first = lesson.start(Clock::Real { scale: 0.05 });
    common::dom::sleep_ms(20).await;
    first.stop();
    let second = lesson.start(Clock::Real { scale: 0.05 });
    assert_eq!(second.finished().await, RunStatus::Finished(Ok(())));
    assert_eq!(
        common::printed_texts(&first).len(),
        3,
        "the first run printed up to its sleep"
    );
    assert_eq!(common::printed_texts(&second).len(), 6);
    assert_eq!(common::live_counters(&first), [0; 8]);
    assert_eq!(live_runs(), 0);
}
