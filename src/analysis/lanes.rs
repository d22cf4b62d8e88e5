//! The timeline's lanes: one per task, the stretches of time it was ready, running or
//! waiting (on what), its prints and how it ended. Built from the Trace alone, and
//! incrementally ([`extend_lanes`]), so a running page's frame costs the events it adds.

use super::model::suspension_waits;
use crate::trace::{Event, EventKind, Trace, WaitOn};

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
    /// The state.
    pub activity: Activity,
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
    /// Its segments in time order.
    pub segments: Vec<Segment>,
    /// Its prints: (µs, text).
    pub prints: Vec<(u64, String)>,
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
        if let EventKind::TaskSpawned { name, .. } = &event.kind {
            if lanes.len() <= index {
                lanes.resize_with(index + 1, || Lane {
                    name: String::new(),
                    segments: Vec::new(),
                    prints: Vec::new(),
                    end: None,
                });
            }
            lanes[index].name = name.to_string();
            lanes[index].segments.push(Segment {
                from_us: at,
                to_us: None,
                activity: Activity::Ready,
            });
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
                close(lane, at);
                lane.end = Some((at, end));
                None
            }
            EventKind::Print { text, .. } => {
                lane.prints.push((at, text.to_string()));
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
            close(lane, at);
            lane.segments.push(Segment {
                from_us: at,
                to_us: None,
                activity,
            });
        }
    }
}

fn close(lane: &mut Lane, at: u64) {
    if let Some(last) = lane.segments.last_mut() {
        if last.to_us.is_none() {
            last.to_us = Some(at);
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
        // Segments of a lane follow each other without gaps or overlaps.
        for lane in &lanes {
            for pair in lane.segments.windows(2) {
                assert_eq!(pair[0].to_us, Some(pair[1].from_us), "{}", lane.name);
            }
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
