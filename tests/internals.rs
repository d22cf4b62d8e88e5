//! The loop internals view in the real App: at every replay step of three lessons, the ready
//! queue and timers it shows equal the executor's own (snapshots the runtime takes of its real
//! ready queue and timer heap while the same lesson runs), and the task states follow.
#![cfg(target_arch = "wasm32")]

mod common;

use common::dom::{all, by_testid, click, has_testid, mount_app, run_lesson, wait_until};
use loopscope::analysis::model::Queued;
use loopscope::course;
use loopscope::runtime::{record_snapshots, Clock};
use loopscope::trace::{TimerId, TimerKey};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn attr_list(root: &web_sys::Element, selector: &str, attr: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.get_attribute(attr).unwrap_or_default())
        .collect()
}

/// Mounts the App, runs `lesson` on the instant clock and opens the internals view for replay.
async fn replay_with_internals(lesson: &str) -> (web_sys::HtmlElement, Box<dyn std::any::Any>) {
    let (root, handle) = mount_app().await;
    run_lesson(&root, lesson, "clock-instant").await;
    wait_until("the replay bar", 3000, || has_testid(&root, "replay")).await;
    click(&root, "internals-toggle");
    wait_until("the internals view", 1000, || {
        has_testid(&root, "internals-ready")
    })
    .await;
    (root, handle)
}

#[wasm_bindgen_test]
async fn the_internals_view_equals_the_executor_at_every_replay_step() {
    for id in ["create-task", "done-callbacks", "call-later"] {
        let lesson = course::find(id).unwrap();
        // The executor's real state after every event, from a run of the same lesson (virtual
        // runs repeat exactly, event for event).
        record_snapshots(true);
        let reference = lesson.start(Clock::Virtual);
        reference.finished().await;
        record_snapshots(false);
        let snapshots = reference.snapshots();
        let events = reference.trace().len();
        assert_eq!(snapshots.len(), events, "{id}");

        let (root, handle) = replay_with_internals(id).await;
        click(&root, "step-first");
        let mut compared = 0;
        for (seq, real) in snapshots.iter().enumerate() {
            if seq > 0 {
                click(&root, "step-next");
            }
            leptos::task::tick().await;
            let replay = by_testid(&root, "replay-event").text_content().unwrap();
            assert!(
                replay.starts_with(&format!("{}/", seq + 1)),
                "{id}: {replay}"
            );
            let Some(real) = real else {
                panic!("{id}: the runtime took no snapshot at event {seq}")
            };
            let closed = by_testid(&root, "internals-running")
                .text_content()
                .unwrap()
                .contains("closed");
            if closed {
                break;
            }
            let ready = attr_list(&root, "[data-testid=ready-entry]", "data-entry");
            let want: Vec<String> = real
                .ready
                .iter()
                .map(|q| match q {
                    Queued::Task(t) => format!("task:{}", t.index()),
                    Queued::Callback(c) => format!("callback:{c}"),
                })
                .collect();
            assert_eq!(ready, want, "{id}: ready queue at event {seq}: {replay}");
            let timers: Vec<TimerKey> = all(&root, "[data-testid=timer-entry]")
                .iter()
                .map(|e| {
                    let n = |a: &str| e.get_attribute(a).unwrap().parse::<u64>().unwrap();
                    TimerKey {
                        due_us: n("data-deadline-us"),
                        id: TimerId(n("data-timer")),
                    }
                })
                .collect();
            assert_eq!(timers, real.timers, "{id}: timers at event {seq}: {replay}");
            compared += 1;
        }
        assert!(compared > 10, "{id}: {compared} steps compared");
        // The whole run: every task done.
        click(&root, "step-last");
        leptos::task::tick().await;
        let states: Vec<String> = all(&root, "[data-testid=task-state-text]")
            .iter()
            .map(|e| e.text_content().unwrap())
            .collect();
        assert!(states.iter().all(|s| s == "done"), "{id}: {states:?}");
        drop(handle);
    }
}

#[wasm_bindgen_test]
async fn while_create_task_sleeps_the_view_shows_two_timers_and_who_waits_on_what() {
    let (root, handle) = replay_with_internals("create-task").await;
    // Step to where the second task has set its timer and suspended: both tasks sleep.
    click(&root, "step-first");
    let event = || by_testid(&root, "replay-event").text_content().unwrap();
    let mut steps = 0;
    while !event().contains("Task-3 · suspends") {
        click(&root, "step-next");
        leptos::task::tick().await;
        steps += 1;
        assert!(steps < 100, "never reached Task-3's sleep: {}", event());
    }
    let timers: Vec<String> = all(&root, "[data-testid=timer-entry]")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(
        timers,
        [
            "timer 1: due at 2000 ms, wakes Task-2",
            "timer 2: due at 2000 ms, wakes Task-3"
        ]
    );
    let states: Vec<String> = all(&root, "[data-testid=task-state-text]")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(states[0], "waiting: awaiting Task-2");
    assert_eq!(states[1], "waiting: sleep until 2000 ms");
    assert_eq!(states[2], "waiting: sleep until 2000 ms");
    drop(handle);
}

/// `swap-loop` runs the same tasks on the runtime's loop and then on the `setTimeout` loop.
/// On both, the model the internals view shows equals the executor after every event (on the
/// `setTimeout` loop the entries waiting for their timeouts are the ready queue's front), the
/// model says which loop runs, and the run prints the lesson's lines (its times being the
/// machine's).
#[wasm_bindgen_test]
async fn the_internals_model_follows_the_executor_on_the_set_timeout_loop_too() {
    use loopscope::analysis::model::LoopModel;
    use loopscope::runtime::{LoopKind, RunStatus};
    let lesson = course::find("swap-loop").unwrap();
    record_snapshots(true);
    let run = lesson.start(Clock::Virtual);
    let status = run.finished().await;
    record_snapshots(false);
    assert!(matches!(status, RunStatus::Finished(Ok(()))), "{status:?}");
    common::assert_lesson_run(lesson, &run);
    let snapshots = run.snapshots();
    let trace = run.trace();
    assert_eq!(snapshots.len(), trace.len());
    let mut model = LoopModel::default();
    let mut waited_on_timeouts = 0;
    for (seq, (event, real)) in trace.events().iter().zip(&snapshots).enumerate() {
        model.apply(event);
        let real = real.as_ref().expect("a snapshot at every event");
        if model.closed {
            break;
        }
        assert_eq!(
            model.ready.iter().copied().collect::<Vec<_>>(),
            real.ready,
            "ready queue at event {seq}: {:?}",
            event.kind
        );
        assert_eq!(
            model.timers.keys().copied().collect::<Vec<_>>(),
            real.timers,
            "timers at event {seq}"
        );
        if model.loop_kind == LoopKind::SetTimeout && !real.ready.is_empty() {
            waited_on_timeouts += 1;
        }
    }
    assert!(
        waited_on_timeouts > 200,
        "{waited_on_timeouts} steps compared on setTimeout"
    );
    assert_eq!(common::loops_chosen(&trace), [LoopKind::SetTimeout]);
    assert_eq!(common::live_counters(&run), [0; 8]);
}

/// The internals view says which loop runs: asyncio's at the start of `swap-loop`, the
/// `setTimeout` loop at its end.
#[wasm_bindgen_test]
async fn the_internals_view_names_the_loop_in_use() {
    let (root, handle) = replay_with_internals("swap-loop").await;
    click(&root, "step-first");
    leptos::task::tick().await;
    let first = by_testid(&root, "internals-loop").text_content().unwrap();
    assert!(first.contains("asyncio"), "{first}");
    click(&root, "step-last");
    leptos::task::tick().await;
    let last = by_testid(&root, "internals-loop").text_content().unwrap();
    assert!(last.contains("setTimeout"), "{last}");
    drop(handle);
}
