//! The timeline's lanes: one per task, the stretches of time it was ready, running or
//! waiting (on what), its prints and how it ended. Built from the Trace alone, and
//! incrementally ([`extend_lanes`]), so a running page's frame costs the events it adds.

use super::model::suspension_waits;
use crate::trace::{Event, EventKind, Trace, WaitOn, LOOP_NAME};

/// What a task is doing during one segment of its lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Activity {
    /// Queued in the ready queue, about to run.
    Ready,
    /// One step of it is running.
    Running,
    /// Suspended, waiting on something.
    Waiting(WaitOn),
}

/// A stretch of time in one state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Start, µs since the run began.
    pub from_us: u64,
    /// End, or `None` while it lasts.
    pub to_us: Option<u64>,
    /// The event that started it (its place on a "by step" axis, where a step that takes no
    /// time still has a width).
    pub from_seq: u64,
    /// The event that ended it, or `None` while it lasts.
    pub to_seq: Option<u64>,
    /// The state.
    pub activity: Activity,
}

/// One printed line on a lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanePrint {
    /// When, µs since the run began.
    pub at_us: u64,
    /// Its event (and so its output row).
    pub seq: u64,
    /// What it printed.
    pub text: String,
}

/// How a lane ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneEnd {
    /// Returned.
    Finished,
    /// Cancelled.
    Cancelled,
    /// Raised.
    Failed,
}

/// One task's lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// The task's name.
    pub name: String,
    /// The `async fn` it runs, when the Trace knows it (`f1`).
    pub coroutine: Option<&'static str>,
    /// Whether a task created it (the run's first task was not).
    pub has_parent: bool,
    /// Its segments in time order.
    pub segments: Vec<Segment>,
    /// Its prints, in order.
    pub prints: Vec<LanePrint>,
    /// How it ended, if it has.
    pub end: Option<(u64, LaneEnd)>,
}

/// The lanes of every task in the Trace, in creation order.
pub fn lanes(trace: &Trace) -> Vec<Lane> {
    lanes_until(trace, None)
}

/// The lanes as they stood right after event `upto` (all of them for `None`): what replay
/// shows at a step.
pub fn lanes_until(trace: &Trace, upto: Option<u64>) -> Vec<Lane> {
    let events = trace.events();
    let shown = upto.map_or(events.len(), |seq| (seq as usize + 1).min(events.len()));
    let mut lanes = Vec::new();
    extend_lanes(&mut lanes, &events[..shown]);
    lanes
}

/// Brings `lanes` up to date with `events`, the Trace's events that follow the ones they were
/// built from: a running page feeds each frame's new events only, so a frame costs what it
/// adds, not the whole run.
pub fn extend_lanes(lanes: &mut Vec<Lane>, events: &[Event]) {
    for event in events {
        let Some(task) = event.task else { continue };
        let index = task.index();
        let at = event.at_us;
        let seq = event.seq;
        if let EventKind::TaskSpawned {
            name,
            coroutine,
            parent,
            ..
        } = &event.kind
        {
            if lanes.len() <= index {
                lanes.resize_with(index + 1, || Lane {
                    name: String::new(),
                    coroutine: None,
                    has_parent: false,
                    segments: Vec::new(),
                    prints: Vec::new(),
                    end: None,
                });
            }
            lanes[index].name = name.to_string();
            lanes[index].coroutine = *coroutine;
            lanes[index].has_parent = parent.is_some();
            begin(&mut lanes[index], at, seq, Activity::Ready);
            continue;
        }
        let Some(lane) = lanes.get_mut(index) else {
            continue;
        };
        let next = match &event.kind {
            EventKind::TaskPolled => Some(Activity::Running),
            EventKind::TaskSuspended { on } => Some(Activity::Waiting(on.clone())),
            EventKind::TaskWoken => Some(Activity::Ready),
            EventKind::TaskFinished | EventKind::TaskCancelled | EventKind::TaskFailed { .. } => {
                let end = match &event.kind {
                    EventKind::TaskFinished => LaneEnd::Finished,
                    EventKind::TaskCancelled => LaneEnd::Cancelled,
                    _ => LaneEnd::Failed,
                };
                close(lane, at, seq);
                lane.end = Some((at, end));
                None
            }
            EventKind::TaskRenamed { name } => {
                lane.name = name.to_string();
                None
            }
            EventKind::Print { text, .. } => {
                lane.prints.push(LanePrint {
                    at_us: at,
                    seq,
                    text: text.to_string(),
                });
                None
            }
            _ => None,
        };
        if let Some(activity) = next {
            if let Activity::Waiting(on) = &activity {
                let running = lane
                    .segments
                    .last()
                    .is_some_and(|s| s.to_us.is_none() && s.activity == Activity::Running);
                if suspension_waits(running, on).is_none() {
                    continue;
                }
            }
            begin(lane, at, seq, activity);
        }
    }
}

/// Brings the loop's own lane up to date with `events`: each callback the loop ran (`call_soon`,
/// `call_later`, a done callback) as a running step, and what callbacks printed. `None` until
/// the run has any: most lessons' loops only run tasks.
pub fn extend_loop_lane(lane: &mut Option<Lane>, events: &[Event]) {
    for event in events {
        let (at, seq) = (event.at_us, event.seq);
        match &event.kind {
            EventKind::CallbackRan { .. } => {
                let lane = lane.get_or_insert_with(|| Lane {
                    name: LOOP_NAME.to_string(),
                    coroutine: None,
                    has_parent: false,
                    segments: Vec::new(),
                    prints: Vec::new(),
                    end: None,
                });
                begin(lane, at, seq, Activity::Running);
            }
            EventKind::Print { text, .. } if event.task.is_none() => {
                if let Some(lane) = lane.as_mut() {
                    lane.prints.push(LanePrint {
                        at_us: at,
                        seq,
                        text: text.to_string(),
                    });
                }
            }
            // A callback's step lasts until the loop does something else: a task's step, a
            // timer firing, the next callback (above) or the run's end.
            _ if event.task.is_some()
                || matches!(
                    event.kind,
                    EventKind::TimerFired { .. }
                        | EventKind::RunFinished { .. }
                        | EventKind::RunStopped
                ) =>
            {
                if let Some(lane) = lane.as_mut() {
                    close(lane, at, seq);
                }
            }
            _ => {}
        }
    }
}

/// Ends the lane's open segment at (`at`, `seq`) and starts one doing `activity`.
fn begin(lane: &mut Lane, at: u64, seq: u64, activity: Activity) {
    close(lane, at, seq);
    lane.segments.push(Segment {
        from_us: at,
        to_us: None,
        from_seq: seq,
        to_seq: None,
        activity,
    });
}

fn close(lane: &mut Lane, at: u64, seq: u64) {
    if let Some(last) = lane.segments.last_mut() {
        if last.to_us.is_none() {
            last.to_us = Some(at);
            last.to_seq = Some(seq);
        }
    }
}

// Native only: they drive the run with the native host.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::course;
    use crate::runtime::{host, Clock};

    #[test]
    fn create_task_lanes_show_both_sleeps_and_every_print() {
        let lesson = course::find("create-task").unwrap();
        let run = lesson.start(Clock::Virtual);
        host::run_until_idle();
        let lanes = lanes(&run.trace());
        let names: Vec<_> = lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Task-1", "Task-2", "Task-3"]);
        for lane in &lanes[1..] {
            let sleeping: Vec<_> = lane
                .segments
                .iter()
                .filter(|s| matches!(s.activity, Activity::Waiting(WaitOn::Sleep { .. })))
                .map(|s| (s.from_us, s.to_us))
                .collect();
            assert_eq!(sleeping, [(0, Some(2_000_000))], "{}", lane.name);
            assert_eq!(lane.end, Some((2_000_000, LaneEnd::Finished)));
        }
        let main_waits: Vec<_> = lanes[0]
            .segments
            .iter()
            .filter_map(|s| match &s.activity {
                Activity::Waiting(on) => Some(on.clone()),
                _ => None,
            })
            .collect();
        assert!(matches!(main_waits[0], WaitOn::Task(_)));
        let prints: usize = lanes.iter().map(|l| l.prints.len()).sum();
        assert_eq!(prints, 6);
        // Segments of a lane follow each other without gaps or overlaps, in time and in steps;
        // every running step spans at least one event.
        for lane in &lanes {
            for pair in lane.segments.windows(2) {
                assert_eq!(pair[0].to_us, Some(pair[1].from_us), "{}", lane.name);
                assert_eq!(pair[0].to_seq, Some(pair[1].from_seq), "{}", lane.name);
            }
            for segment in &lane.segments {
                if segment.activity == Activity::Running {
                    assert!(segment.to_seq > Some(segment.from_seq), "{}", lane.name);
                }
            }
        }
    }

    #[test]
    fn the_loop_lane_shows_each_callback_it_ran_and_what_they_printed() {
        for (id, callbacks) in [("call-later", 2), ("create-task", 0)] {
            let lesson = course::find(id).unwrap();
            let run = lesson.start(Clock::Virtual);
            host::run_until_idle();
            let trace = run.trace();
            let mut lane = None;
            extend_loop_lane(&mut lane, trace.events());
            let ran = trace
                .events()
                .iter()
                .filter(|e| matches!(e.kind, EventKind::CallbackRan { .. }))
                .count();
            assert!(ran >= callbacks, "{id}: {ran} callbacks");
            let Some(lane) = lane else {
                assert_eq!(ran, 0, "{id}");
                continue;
            };
            assert_eq!(lane.name, "loop");
            assert_eq!(lane.segments.len(), ran, "{id}");
            for segment in &lane.segments {
                assert_eq!(segment.activity, Activity::Running);
                assert!(
                    segment.to_seq > Some(segment.from_seq),
                    "{id}: every step ends"
                );
                // A callback's step holds what it did (its print), not the wait that follows.
                let (from, to) = (segment.from_seq, segment.to_seq.unwrap_or(u64::MAX));
                assert!(to - from <= 3, "{id}: a step of {} events", to - from);
            }
            let printed_by_loop = trace.printed().iter().filter(|p| p.task.is_none()).count();
            assert_eq!(lane.prints.len(), printed_by_loop, "{id}");
        }
    }

    #[test]
    fn a_cancelled_task_ends_its_lane_as_cancelled() {
        let lesson = course::find("wait-timeout").unwrap();
        let run = lesson.start(Clock::Virtual);
        host::run_until_idle();
        let lanes = lanes(&run.trace());
        assert_eq!(lanes[1].end, Some((2_000_000, LaneEnd::Cancelled)));
        assert_eq!(lanes[2].end, Some((1_000_000, LaneEnd::Finished)));
    }

    #[test]
    fn lanes_built_a_few_events_at_a_time_equal_lanes_built_at_once() {
        for id in [
            "create-task",
            "wait-timeout",
            "gather-groups",
            "producer-consumer",
        ] {
            let lesson = course::find(id).unwrap();
            let run = lesson.start(Clock::Virtual);
            host::run_until_idle();
            let trace = run.trace();
            let events = trace.events();
            for step in [1, 3, 7] {
                let mut built = Vec::new();
                for chunk in events.chunks(step) {
                    extend_lanes(&mut built, chunk);
                }
                assert_eq!(built, lanes(&trace), "{id} in chunks of {step}");
            }
        }
    }
}
