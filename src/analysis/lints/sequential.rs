//! Two sleeps awaited one after the other by a task alone on the loop, whose lengths two
//! different knobs of the lesson set: independent waits that could overlap.
//!
//! "Alone" is one counter, not a pass over every task: a task slept alone if the loop ran no
//! step or callback between its sleep and its wake.

use std::collections::HashMap;

use super::{Finding, Lint, Rule, Watch};
use crate::course::Text;
use crate::trace::{Event, EventKind, TaskId, TimerId, WaitOn};

/// A sleep: (ms, Rust line, seq of its start).
type Sleep = (u64, u32, u64);

#[derive(Default)]
struct TaskSleeps {
    /// The sleep it waits in now, and the loop's activity count when it began.
    sleeping: Option<(Sleep, u64)>,
    /// The previous sleep, if it was alone and nothing but this task's own step followed.
    last_alone: Option<Sleep>,
}

pub(super) struct Sequential {
    /// The lesson's time knobs: (ms, label).
    knobs: Vec<(u64, Text)>,
    /// Timer id → (ms from set to due, line).
    timers: HashMap<TimerId, (u64, u32)>,
    tasks: HashMap<TaskId, TaskSleeps>,
    found: Vec<Lint>,
}

impl Sequential {
    pub(super) fn new(knobs: Vec<(u64, Text)>) -> Self {
        Sequential {
            knobs,
            timers: HashMap::new(),
            tasks: HashMap::new(),
            found: Vec::new(),
        }
    }

    /// The knob (other than `not`) whose value is `ms`, if any.
    fn knob_of(&self, ms: u64, not: Option<usize>) -> Option<usize> {
        (ms > 0)
            .then(|| {
                self.knobs
                    .iter()
                    .enumerate()
                    .position(|(i, (value, _))| *value == ms && Some(i) != not)
            })
            .flatten()
    }
}

impl Rule for Sequential {
    fn see(&mut self, event: &Event, watch: &Watch) {
        if let EventKind::TimerSet {
            timer,
            deadline_us,
            line,
        } = &event.kind
        {
            let ms = deadline_us.saturating_sub(event.at_us) / 1000;
            self.timers.insert(*timer, (ms, *line));
        }
        let Some(task) = event.task else { return };
        match &event.kind {
            EventKind::TaskPolled => {
                let sleeps = self.tasks.entry(task).or_default();
                let Some((sleep, activity_at_sleep)) = sleeps.sleeping.take() else {
                    return;
                };
                if activity_at_sleep != watch.activity_before {
                    sleeps.last_alone = None;
                    return;
                }
                // Woke from a sleep it slept alone: if the one before was alone too, and two
                // different knobs set them, they could have overlapped.
                let first = sleeps.last_alone.replace(sleep);
                if let Some(first) = first {
                    if let Some(a) = self.knob_of(first.0, None) {
                        if let Some(b) = self.knob_of(sleep.0, Some(a)) {
                            self.found.push(Lint {
                                finding: Finding::Sequential {
                                    task: watch.name(task),
                                    first: (first.0, self.knobs[a].1, first.1),
                                    second: (sleep.0, self.knobs[b].1, sleep.1),
                                },
                                seq: first.2,
                            });
                        }
                    }
                }
            }
            EventKind::TaskSuspended { on } => {
                let sleeping = match on {
                    WaitOn::Sleep { timer, .. } => {
                        let (ms, line) = self.timers.get(timer).copied().unwrap_or((0, 0));
                        Some(((ms, line, event.seq), watch.activity))
                    }
                    _ => None,
                };
                let sleeps = self.tasks.entry(task).or_default();
                if sleeping.is_none() {
                    sleeps.last_alone = None;
                }
                sleeps.sleeping = sleeping;
            }
            EventKind::TaskFinished | EventKind::TaskFailed { .. } | EventKind::TaskCancelled => {
                let sleeps = self.tasks.entry(task).or_default();
                sleeps.sleeping = None;
                sleeps.last_alone = None;
            }
            _ => {}
        }
    }

    fn found(self: Box<Self>) -> Vec<Lint> {
        self.found
    }
}
