//! The internals view's model, rebuilt from the Trace alone, against the executor's real ready
//! queue and timer heap after every event of every runtime lesson (natively; the browser tests
//! in `tests/internals.rs` do the same through the page's replay).
#![cfg(not(target_arch = "wasm32"))]

use loopscope::analysis::model::{LoopModel, Queued, TaskState, TimerFor};
use loopscope::course::{self, Needs};
use loopscope::runtime::{host, record_snapshots, Clock};
use loopscope::trace::WaitOn;

#[test]
fn the_model_equals_the_executor_after_every_event_of_every_lesson() {
    record_snapshots(true);
    let mut checked = 0;
    for lesson in course::all().filter(|l| l.needs == Needs::Runtime) {
        let run = lesson.start(Clock::Virtual);
        host::run_until_idle();
        checked += model_matches_each_snapshot(lesson.id, &run);
        // A server lesson serves until Stop; the next one needs its port.
        run.stop();
    }
    record_snapshots(false);
    assert!(checked > 1000, "{checked}");
}

#[test]
fn the_model_follows_a_server_lesson_whose_port_is_taken() {
    // A second run of a server lesson while the first still serves: uvicorn's busy-port
    // error ends the second run (`request_stop`), and the model follows it to the end.
    record_snapshots(true);
    let lesson = course::find("asgi-app").unwrap();
    let first = lesson.start(Clock::Virtual);
    host::run_until_idle();
    let second = lesson.start(Clock::Virtual);
    host::run_until_idle();
    record_snapshots(false);
    assert!(matches!(
        second.status(),
        loopscope::runtime::RunStatus::Finished(Err(_))
    ));
    let printed: Vec<String> = second
        .trace()
        .printed()
        .iter()
        .map(|l| l.text.to_string())
        .collect();
    assert!(printed[0].contains("address already in use"), "{printed:?}");
    assert!(model_matches_each_snapshot("asgi-app (busy port)", &second) > 10);
    first.stop();
}

/// Applies each event of `run`'s Trace to the model and compares it with the executor's own
/// snapshot after that event; returns how many it compared.
fn model_matches_each_snapshot(id: &str, run: &loopscope::runtime::Run) -> usize {
    let mut checked = 0;
    let trace = run.trace();
    let snapshots = run.snapshots();
    assert_eq!(snapshots.len(), trace.len(), "{}", id);
    let mut model = LoopModel::default();
    for (event, real) in trace.events().iter().zip(&snapshots) {
        model.apply(event);
        let real = real
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no snapshot at event {}", id, event.seq));
        // After the run ends the executor is torn down; the model shows the closed loop.
        if model.closed {
            break;
        }
        assert_eq!(
            &model.snapshot(),
            real,
            "{}: after event {} {:?}",
            id,
            event.seq,
            event.kind
        );
        checked += 1;
    }
    checked
}

#[test]
fn create_task_at_its_first_sleep_has_two_timers_and_the_right_states() {
    let lesson = course::find("create-task").unwrap();
    let run = lesson.start(Clock::Virtual);
    host::run_until_idle();
    let trace = run.trace();
    // The step where both tasks sleep: the last TimerSet before time moves.
    let seq = trace
        .events()
        .iter()
        .filter(|e| e.at_us == 0)
        .map(|e| e.seq)
        .max()
        .unwrap();
    let model = LoopModel::at(&trace, Some(seq));
    let deadlines: Vec<u64> = model.timers.values().map(|t| t.deadline_us).collect();
    assert_eq!(deadlines, [2_000_000, 2_000_000]);
    assert!(model
        .timers
        .values()
        .all(|t| matches!(t.what, TimerFor::Task(Some(_)))));
    assert!(model.ready.is_empty());
    let states: Vec<_> = model.tasks.iter().map(|t| t.state.clone()).collect();
    assert!(matches!(states[0], TaskState::Waiting(WaitOn::Task(_))));
    assert!(matches!(
        states[1],
        TaskState::Waiting(WaitOn::Sleep {
            until_us: 2_000_000,
            ..
        })
    ));
    // At the end every task is done and nothing is queued.
    let end = LoopModel::at(&trace, None);
    assert!(end.tasks.iter().all(|t| t.state == TaskState::Done));
    assert!(end.closed);
}

#[test]
fn done_callbacks_wait_on_their_task_then_run_from_the_ready_queue() {
    let lesson = course::find("done-callbacks").unwrap();
    let run = lesson.start(Clock::Virtual);
    host::run_until_idle();
    let trace = run.trace();
    let events = trace.events();
    let added = events
        .iter()
        .position(|e| {
            matches!(
                e.kind,
                loopscope::trace::EventKind::DoneCallbackAdded { .. }
            )
        })
        .expect("a DoneCallbackAdded event");
    let model = LoopModel::at(&trace, Some(added as u64));
    let with_callbacks: Vec<_> = model
        .tasks
        .iter()
        .filter(|t| !t.done_callbacks.is_empty())
        .collect();
    assert_eq!(with_callbacks.len(), 1);
    // When that task ends, its callback moves to the ready queue.
    let scheduled = events
        .iter()
        .rposition(|e| {
            matches!(
                e.kind,
                loopscope::trace::EventKind::CallbackScheduled {
                    done_of: Some(_),
                    ..
                }
            )
        })
        .unwrap();
    let model = LoopModel::at(&trace, Some(scheduled as u64));
    assert!(model.tasks.iter().all(|t| t.done_callbacks.is_empty()));
    assert!(model.ready.iter().any(|q| matches!(q, Queued::Callback(_))));
}
